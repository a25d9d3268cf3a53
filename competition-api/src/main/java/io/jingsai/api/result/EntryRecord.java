package io.jingsai.api.result;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What officials recorded about an entry besides the judges' marks, as scoring needs it.
 *
 * @param completionSeconds how long the entry took, in seconds, or null when none was recorded
 * @param difficulty        declared multipliers of measurement aspects, by aspect id (absent: 1)
 */
record EntryRecord(BigDecimal completionSeconds, Map<String, BigDecimal> difficulty) {

    /** An entry nobody recorded anything about. */
    static final EntryRecord NONE = new EntryRecord(null, Map.of());

    EntryRecord {
        difficulty = Collections.unmodifiableMap(new LinkedHashMap<>(difficulty));
    }

    Duration completionTime() {
        if (completionSeconds == null) {
            return null;
        }
        BigDecimal nanos = completionSeconds.movePointRight(9).setScale(0, java.math.RoundingMode.UNNECESSARY);
        return Duration.ofNanos(nanos.longValueExact());
    }

    /** The multiplier of an aspect's aggregated mark: its declared difficulty, or 1. */
    BigDecimal multiplier(String aspectId) {
        return difficulty.getOrDefault(aspectId, BigDecimal.ONE);
    }
}
