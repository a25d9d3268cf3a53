package io.jingsai.scoring.indicator;

import io.jingsai.scoring.Rounding;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A set of weighted indicators: {@code score = scale × Σ weight × normalised / Σ weight}, rounded once.
 *
 * @param indicators at least one; ids unique
 * @param scale      what a perfect entry scores, e.g. 100
 * @param rounding   the one rounding of the score
 * @throws IllegalArgumentException if there are no indicators, an id repeats, or the scale is not positive
 */
public record IndicatorScheme(List<Indicator> indicators, BigDecimal scale, Rounding rounding) {

    public IndicatorScheme {
        indicators = List.copyOf(indicators);
        if (indicators.isEmpty()) {
            throw new IllegalArgumentException("an indicator scheme needs at least one indicator");
        }
        Set<String> ids = new HashSet<>();
        for (Indicator indicator : indicators) {
            if (!ids.add(indicator.id())) {
                throw new IllegalArgumentException("indicator id '" + indicator.id() + "' appears twice");
            }
        }
        if (scale == null || scale.signum() <= 0) {
            throw new IllegalArgumentException("scale must be > 0, got " + scale);
        }
        Objects.requireNonNull(rounding, "rounding");
    }

    /** Out of 100, HALF_UP to 2 places. */
    public static IndicatorScheme outOf100(List<Indicator> indicators) {
        return new IndicatorScheme(indicators, BigDecimal.valueOf(100), Rounding.DEFAULT);
    }
}
