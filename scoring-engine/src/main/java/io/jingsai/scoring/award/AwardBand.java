package io.jingsai.scoring.award;

import io.jingsai.scoring.scheme.RuleChecks;
import java.util.Objects;

/**
 * An award band (first prize, second prize, …, honourable mention), filled in the order the plan lists them.
 *
 * @param name            e.g. {@code 一等奖}, {@code gold}
 * @param quota           how many places
 * @param minimumStarters the band is void with fewer starters (e.g. no bronze under 6 starters); 0 for never.
 *                        Together, the bands' minimums are the event's minimum-starters table.
 * @throws IllegalArgumentException if the name is blank or the minimum negative
 */
public record AwardBand(String name, BandQuota quota, int minimumStarters) {

    public AwardBand {
        RuleChecks.require(RuleChecks.awardBand(name, minimumStarters));
        Objects.requireNonNull(quota, "quota of band " + name);
    }

    public static AwardBand of(String name, BandQuota quota) {
        return new AwardBand(name, quota, 0);
    }

    public AwardBand withMinimumStarters(int starters) {
        return new AwardBand(name, quota, starters);
    }
}
