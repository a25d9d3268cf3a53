package io.jingsai.scoring.award;

import io.jingsai.scoring.ranking.RankedEntry;

import java.util.List;

/**
 * The awards and titles of an event.
 *
 * @param starters entries counted as starters
 * @param eligible entries eligible for places
 * @param bands    one per band of the plan, in plan order
 * @param titles   one per title rule, in plan order
 * @param <T>      the entry type
 */
public record AwardOutcome<T>(int starters, int eligible, List<BandAward<T>> bands, List<TitleAward<T>> titles) {

    public AwardOutcome {
        bands = List.copyOf(bands);
        titles = List.copyOf(titles);
    }

    /** The band an entry won, or null. */
    public String bandOf(T entry) {
        for (BandAward<T> band : bands) {
            for (RankedEntry<T> winner : band.winners()) {
                if (winner.entry().equals(entry)) {
                    return band.band();
                }
            }
        }
        return null;
    }

    /**
     * One band's winners.
     *
     * @param band      the band's name
     * @param quota     places by its rule (for a threshold band, the number who reached it; for a cumulative share,
     *                  the places from where the bands before it stopped up to its overall place, at least 0)
     * @param winners   in ranking order
     * @param overflow  places beyond the quota because of ties at the cut-off
     * @param shortfall places left empty: tied entries excluded, or too few eligible entries
     * @param voided    true if too few starters voided the band (it then has no winners)
     * @param note      why it overflowed, fell short or was voided; empty otherwise
     */
    public record BandAward<T>(String band, int quota, List<RankedEntry<T>> winners, int overflow, int shortfall,
                               boolean voided, String note) {
        public BandAward {
            winners = List.copyOf(winners);
        }
    }

    /** One title's holders, in ranking order. */
    public record TitleAward<T>(String title, List<RankedEntry<T>> holders) {
        public TitleAward {
            holders = List.copyOf(holders);
        }
    }
}
