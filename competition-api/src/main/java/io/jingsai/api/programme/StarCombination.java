package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import io.jingsai.scoring.Rounding;

/**
 * How one contestant's standardised scores in several events of a programme make the one score the stars board ranks.
 * Each event's score is already rounded once by its scale (two places); BEST and SUM of such scores are exact, MEAN
 * is rounded once, HALF_UP to two places (the engine's default rule), and the board ranks that published figure.
 */
public enum StarCombination {
    /** The best of the contestant's scores (the default). */
    BEST,
    /** The sum: every event counts, so taking part in more events counts too. */
    SUM,
    /** The mean of the contestant's scores, rounded HALF_UP to two places. */
    MEAN;

    /** The combined score of one contestant's standardised scores; {@code scores} is not empty. */
    BigDecimal combine(List<BigDecimal> scores) {
        BigDecimal sum = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return switch (this) {
            case BEST -> scores.stream().max(BigDecimal::compareTo).orElseThrow();
            case SUM -> sum;
            case MEAN -> Rounding.DEFAULT.apply(sum.divide(BigDecimal.valueOf(scores.size()), MathContext.DECIMAL128));
        };
    }
}
