package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;
import io.jingsai.scoring.Rounding;

/**
 * One aspect of one entry's result.
 *
 * @param aspectId  the aspect
 * @param status    whether it counts
 * @param exactMark the exact mark when {@link AspectStatus#SCORED}, otherwise null
 * @param rounding  the scheme's rounding, used by {@link #mark()}
 * @param detail    why it does not count (e.g. {@code judgement scores spread 2 > allowed 1: needs review}), or the
 *                  empty string
 */
public record AspectResult(String aspectId, AspectStatus status, ExactValue exactMark, Rounding rounding,
                           String detail) {

    /**
     * The mark rounded once by the scheme's rule, for display; null unless scored. Totals are computed from the exact
     * marks, not from these figures, so published aspect marks need not add up to the published total.
     */
    public java.math.BigDecimal mark() {
        return exactMark == null ? null : exactMark.round(rounding);
    }
}
