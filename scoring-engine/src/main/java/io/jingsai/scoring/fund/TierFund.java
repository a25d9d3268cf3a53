package io.jingsai.scoring.fund;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A tier's claim on the programme fund and the entries that share the tier's part.
 *
 * @param tier    the tier (e.g. demonstration projects)
 * @param weight  the tier's weight, {@code >= 0}
 * @param entries the tier's entries and their weights; at least one unless the tier's weight is zero
 * @throws IllegalArgumentException if the weight is negative, or a weighted tier has no entries (its part could not
 *                                  be paid out)
 */
public record TierFund<K>(K tier, BigDecimal weight, List<Share<K>> entries) {

    public TierFund {
        Objects.requireNonNull(tier, "tier");
        if (weight == null || weight.signum() < 0) {
            throw new IllegalArgumentException("weight of tier " + tier + " must be >= 0, got " + weight);
        }
        entries = List.copyOf(entries);
        if (weight.signum() > 0 && entries.isEmpty()) {
            throw new IllegalArgumentException("tier " + tier + " has weight " + weight.toPlainString()
                    + " but no entries: its part could not be paid out");
        }
    }
}
