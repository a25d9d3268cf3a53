package io.jingsai.scoring.standardisation;

import io.jingsai.scoring.scheme.RuleChecks;
import io.jingsai.scoring.Rounding;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The transform that maps each event's results onto one common scale:
 * {@code standardised = centreValue + (raw − centre) / spread × pointsPerSpread}.
 *
 * @param centre          MEAN or MEDIAN of the event's raw results
 * @param spread          STANDARD_DEVIATION (population) or SCALED_MAD (1.4826 × median absolute deviation)
 * @param centreValue     where the centre lands, e.g. 500 (or 700 on a 700-centred scale)
 * @param pointsPerSpread how many points one spread is worth, e.g. 100; {@code > 0}
 * @param minimumResults  events with fewer results are flagged instead of standardised; at least 2
 * @param rounding        the one rounding of the standardised score
 * @throws IllegalArgumentException if a field is missing, points per spread is not positive or the minimum is below 2
 */
public record StandardScale(Centre centre, Spread spread, BigDecimal centreValue, BigDecimal pointsPerSpread,
                            int minimumResults, Rounding rounding) {

    /** The centre of an event's results. */
    public enum Centre { MEAN, MEDIAN }

    /** The spread of an event's results. */
    public enum Spread { STANDARD_DEVIATION, SCALED_MAD }

    public StandardScale {
        RuleChecks.require(RuleChecks.standardScale(centre, spread, centreValue, pointsPerSpread, minimumResults));
        Objects.requireNonNull(rounding, "rounding");
    }

    /** Mean and standard deviation onto {@code centreValue ± pointsPerSpread}, rounded HALF_UP to 2 places. */
    public static StandardScale meanAndSd(String centreValue, String pointsPerSpread, int minimumResults) {
        return new StandardScale(Centre.MEAN, Spread.STANDARD_DEVIATION, new BigDecimal(centreValue),
                new BigDecimal(pointsPerSpread), minimumResults, Rounding.DEFAULT);
    }

    /** Median and scaled MAD (robust to a few outliers), rounded HALF_UP to 2 places. */
    public static StandardScale medianAndMad(String centreValue, String pointsPerSpread, int minimumResults) {
        return new StandardScale(Centre.MEDIAN, Spread.SCALED_MAD, new BigDecimal(centreValue),
                new BigDecimal(pointsPerSpread), minimumResults, Rounding.DEFAULT);
    }
}
