package io.jingsai.api.event;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of an event as its rules rank it and give it awards (see {@link EventRules#standing}).
 *
 * @param registrationNumber the order among exact ties; it never changes a rank
 * @param keys               the value of each tie-break key the event's rules may name: {@code total},
 *                           {@code completionTime} (seconds), and each component and criterion id. They are the
 *                           published figures, rounded once by the scheme's rule, so that two entries showing the
 *                           same total are tied and the chain, not hidden digits, separates them. A missing value (no
 *                           completion time recorded) ranks after every present one
 * @param eligible           may take award places: a complete result (not disqualified, nothing held out) of an
 *                           entry that started
 * @param started            counts as a starter for a band's minimum of starters
 */
public record Standing(int registrationNumber, Map<String, BigDecimal> keys, boolean eligible, boolean started) {

    public Standing {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** The published total, which threshold bands compare with their minimum. */
    public BigDecimal total() {
        return keys.get(TieBreakValues.TOTAL);
    }
}
