package io.jingsai.scoring.award;

import io.jingsai.scoring.scheme.RuleChecks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How many places an award band has.
 *
 * <ul>
 *   <li>{@link Count}: a fixed number of places (top N).</li>
 *   <li>{@link Share}: a share of the <em>eligible</em> entries, rounded to whole places by the stated mode
 *       (e.g. 10% of 25 eligible = 2.5 → HALF_UP gives 3, DOWN gives 2), after the bands before it.</li>
 *   <li>{@link CumulativeShare}: sized relative to the whole field, not to the bands before it: this band and the
 *       bands before it together reach the given share of the eligible entries (rounded by the stated mode), so the
 *       band takes the places from where the bands before it stopped up to that overall place. Prizes as cumulative
 *       shares (first prize the top 10%, first and second together the top 30%), or an honourable mention (优胜奖)
 *       for everyone after the prizes up to half the eligible field, rounded down ({@code 0.5, DOWN}). If the bands
 *       before it already reach that place (e.g. a tie at their cut-off was included), the band has no places.</li>
 *   <li>{@link Threshold}: every remaining eligible entry whose score is at least the minimum.</li>
 * </ul>
 */
public sealed interface BandQuota permits BandQuota.Count, BandQuota.Share, BandQuota.CumulativeShare,
        BandQuota.Threshold {

    /** @param places {@code >= 0} */
    record Count(int places) implements BandQuota {
        public Count {
            RuleChecks.require(RuleChecks.places(places));
        }
    }

    /**
     * @param share    of eligible entries, in {@code (0, 1]}
     * @param rounding how a fractional number of places becomes whole; UNNECESSARY is refused
     */
    record Share(BigDecimal share, RoundingMode rounding) implements BandQuota {
        public Share {
            RuleChecks.require(RuleChecks.share(share, rounding));
        }

        int places(int eligible) {
            return wholePlaces(share, rounding, eligible);
        }
    }

    /**
     * @param share    of eligible entries that this band and the bands before it reach together, in {@code (0, 1]}
     * @param rounding how a fractional overall place becomes whole; UNNECESSARY is refused
     */
    record CumulativeShare(BigDecimal share, RoundingMode rounding) implements BandQuota {
        public CumulativeShare {
            RuleChecks.require(RuleChecks.cumulativeShare(share, rounding));
        }

        /** The last overall place (1-based) among the eligible entries that this band reaches. */
        int lastPlace(int eligible) {
            return wholePlaces(share, rounding, eligible);
        }
    }

    /** @param minimum the lowest score that earns the band */
    record Threshold(BigDecimal minimum) implements BandQuota {
        public Threshold {
            Objects.requireNonNull(minimum, "minimum");
        }
    }

    static BandQuota count(int places) {
        return new Count(places);
    }

    static BandQuota share(String share, RoundingMode rounding) {
        return new Share(new BigDecimal(share), rounding);
    }

    static BandQuota threshold(String minimum) {
        return new Threshold(new BigDecimal(minimum));
    }

    /** {@code share × eligible} rounded to whole places by the mode. */
    private static int wholePlaces(BigDecimal share, RoundingMode rounding, int eligible) {
        return share.multiply(BigDecimal.valueOf(eligible)).setScale(0, rounding).intValueExact();
    }
}
