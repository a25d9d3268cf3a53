package io.jingsai.scoring.indicator;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A KPI by which projects, enterprises or teams are scored (cost saved, schedule days gained, quality results,
 * patents, safety record).
 *
 * @param id            unique within its scheme
 * @param weight        relative weight, {@code > 0}
 * @param direction     whether more is better
 * @param normalisation against a target or against the field
 * @throws IllegalArgumentException if the id is blank, the weight not positive, or a target contradicts the direction
 *                                  (a higher-is-better target below its baseline, or the reverse)
 */
public record Indicator(String id, BigDecimal weight, Direction direction, Normalisation normalisation) {

    public Indicator {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("indicator id must not be blank");
        }
        if (weight == null || weight.signum() <= 0) {
            throw new IllegalArgumentException("weight of indicator " + id + " must be > 0, got " + weight);
        }
        Objects.requireNonNull(direction, "direction of indicator " + id);
        Objects.requireNonNull(normalisation, "normalisation of indicator " + id);
        if (normalisation instanceof Normalisation.AgainstTarget t) {
            boolean rising = t.target().compareTo(t.baseline()) > 0;
            if (rising != (direction == Direction.HIGHER_IS_BETTER)) {
                throw new IllegalArgumentException("indicator " + id + " is " + direction + " but its target "
                        + t.target().toPlainString() + " is " + (rising ? "above" : "below") + " its baseline "
                        + t.baseline().toPlainString());
            }
        }
    }
}
