package io.jingsai.scoring;

import io.jingsai.scoring.scheme.RuleChecks;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding a rule applies to turn an exact value into a published figure.
 *
 * <p>The default is {@link #DEFAULT}: {@link RoundingMode#HALF_UP} to two decimal places, as Chinese contest rules
 * publish marks. Rounding is applied once, to an exact value; the engine never rounds an intermediate figure.
 *
 * @param scale decimal places of the published figure; between 0 and 10
 * @param mode  how the dropped digits are rounded; {@link RoundingMode#UNNECESSARY} is refused because published
 *              marks are routinely inexact (a mean of seven judges)
 * @throws IllegalArgumentException if the scale is outside 0..10 or the mode is missing or UNNECESSARY
 */
public record Rounding(int scale, RoundingMode mode) {

    /** HALF_UP to two places: the published figure of Chinese contest rules. */
    public static final Rounding DEFAULT = new Rounding(2, RoundingMode.HALF_UP);

    public Rounding {
        RuleChecks.require(RuleChecks.rounding(scale, mode));
    }

    /** HALF_UP to the given number of places. */
    public static Rounding halfUp(int scale) {
        return new Rounding(scale, RoundingMode.HALF_UP);
    }

    /** Rounds a decimal once, to this rule's scale. */
    public BigDecimal apply(BigDecimal value) {
        return value.setScale(scale, mode);
    }
}
