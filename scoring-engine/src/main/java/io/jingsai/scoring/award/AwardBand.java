package io.jingsai.scoring.award;

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
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("award band name must not be blank");
        }
        Objects.requireNonNull(quota, "quota of band " + name);
        if (minimumStarters < 0) {
            throw new IllegalArgumentException("minimumStarters of band " + name + " must be >= 0, got " + minimumStarters);
        }
    }

    public static AwardBand of(String name, BandQuota quota) {
        return new AwardBand(name, quota, 0);
    }

    public AwardBand withMinimumStarters(int starters) {
        return new AwardBand(name, quota, starters);
    }
}
