package io.jingsai.scoring.indicator;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How an indicator's raw value becomes a fraction in {@code [0, 1]}.
 *
 * <ul>
 *   <li>{@link AgainstTarget}: {@code (value − baseline) / (target − baseline)}, clamped to {@code [0, 1]}: the
 *       baseline earns nothing, the target (or better) earns everything. For a lower-is-better indicator the target is
 *       below the baseline.</li>
 *   <li>{@link AgainstField}: against the best and worst values of all entries scored together: the best earns 1, the
 *       worst 0, linearly between. If every entry has the same value, all earn 1.</li>
 * </ul>
 */
public sealed interface Normalisation permits Normalisation.AgainstTarget, Normalisation.AgainstField {

    /** @throws IllegalArgumentException if a bound is missing or target equals baseline */
    record AgainstTarget(BigDecimal baseline, BigDecimal target) implements Normalisation {
        public AgainstTarget {
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(target, "target");
            if (baseline.compareTo(target) == 0) {
                throw new IllegalArgumentException("target must differ from baseline, both are " + target.toPlainString());
            }
        }
    }

    /** Normalised against the field's best and worst values. */
    record AgainstField() implements Normalisation {
    }

    static Normalisation againstTarget(String baseline, String target) {
        return new AgainstTarget(new BigDecimal(baseline), new BigDecimal(target));
    }

    static Normalisation againstField() {
        return new AgainstField();
    }
}
