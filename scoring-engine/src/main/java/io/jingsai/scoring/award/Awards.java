package io.jingsai.scoring.award;

import io.jingsai.scoring.ranking.RankedEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gives award bands and titles from a ranking.
 *
 * <p>Bands are filled in plan order from the eligible entries in ranking order; ineligible entries never use places
 * and do not count towards shares. A band whose minimum starters is not met is void: it takes no places and the next
 * band is filled as if it were absent. Ties at a band's last place follow the plan's {@link CutOffPolicy}; "tied"
 * means equal rank in the given ranking. A band that overflows under INCLUDE_ALL does not shrink the bands after it:
 * they keep their own quotas and start after the last entry taken; a {@link BandQuota.CumulativeShare} band, sized
 * relative to the whole field, ends at its own overall place whatever the bands before it took.
 *
 * <p>Titles go to eligible entries whose rank among the eligible entries (standard "1224" numbering over the
 * ranking's ranks, so ties share) is at most the rule's max rank and who meet its condition.
 */
public final class Awards {

    private Awards() {
    }

    /**
     * @param ranking the event's ranking, in display order (as {@code Ranking.rank} returns it)
     * @param plan    bands, cut-off policy, eligibility, titles
     * @throws IllegalArgumentException if the ranking is not in rank order
     */
    public static <T> AwardOutcome<T> award(List<RankedEntry<T>> ranking, AwardPlan<T> plan) {
        List<RankedEntry<T>> eligible = new ArrayList<>();
        int starters = 0;
        int previousRank = 0;
        for (RankedEntry<T> entry : ranking) {
            if (entry.rank() < previousRank) {
                throw new IllegalArgumentException("ranking must be in rank order: rank " + entry.rank()
                        + " follows rank " + previousRank);
            }
            previousRank = entry.rank();
            if (plan.starter().test(entry.entry())) {
                starters++;
            }
            if (plan.eligible().test(entry.entry())) {
                eligible.add(entry);
            }
        }
        // a copy: breaking a tie by the chain reorders the filler's list, and titles go in ranking order
        BandFiller<T> filler = new BandFiller<>(new ArrayList<>(eligible), plan);
        List<AwardOutcome.BandAward<T>> bands = new ArrayList<>();
        for (AwardBand band : plan.bands()) {
            if (starters < band.minimumStarters()) {
                bands.add(new AwardOutcome.BandAward<>(band.name(), 0, List.of(), 0, 0, true,
                        "void: " + starters + " starters, band needs at least " + band.minimumStarters()));
            } else {
                bands.add(filler.fill(band));
            }
        }
        return new AwardOutcome<>(starters, eligible.size(), bands, titles(eligible, plan));
    }

    private static <T> List<AwardOutcome.TitleAward<T>> titles(List<RankedEntry<T>> eligible, AwardPlan<T> plan) {
        List<AwardOutcome.TitleAward<T>> titles = new ArrayList<>();
        for (TitleRule<T> rule : plan.titles()) {
            List<RankedEntry<T>> holders = new ArrayList<>();
            int eligibleRank = 0;
            for (int i = 0; i < eligible.size(); i++) {
                if (i == 0 || eligible.get(i).rank() != eligible.get(i - 1).rank()) {
                    eligibleRank = i + 1;
                }
                RankedEntry<T> entry = eligible.get(i);
                if (eligibleRank <= rule.maxRank() && rule.condition().test(entry.entry())) {
                    holders.add(entry);
                }
            }
            titles.add(new AwardOutcome.TitleAward<>(rule.title(), holders));
        }
        return titles;
    }

    /** Walks the eligible entries once, band by band. */
    private static final class BandFiller<T> {
        private final List<RankedEntry<T>> eligible;
        private final AwardPlan<T> plan;
        private int next;

        BandFiller(List<RankedEntry<T>> eligible, AwardPlan<T> plan) {
            this.eligible = eligible;
            this.plan = plan;
        }

        AwardOutcome.BandAward<T> fill(AwardBand band) {
            if (band.quota() instanceof BandQuota.Threshold threshold) {
                int end = next;
                while (end < eligible.size() && isAtLeast(eligible.get(end), threshold)) {
                    end++;
                }
                return take(band.name(), end - next, end, "");
            }
            int quota = places(band.quota());
            int end = Math.min(next + quota, eligible.size());
            String note = end - next < quota ? "only " + (end - next) + " eligible entries left" : "";
            if (end > next && end < eligible.size() && sameRank(end - 1, end)) {
                return cutOffTie(band.name(), quota, end);
            }
            return take(band.name(), quota, end, note);
        }

        /** The places a band of counted places has, given where the bands before it stopped. */
        private int places(BandQuota quota) {
            if (quota instanceof BandQuota.Count count) {
                return count.places();
            }
            if (quota instanceof BandQuota.Share share) {
                return share.places(eligible.size());
            }
            return Math.max(0, ((BandQuota.CumulativeShare) quota).lastPlace(eligible.size()) - next);
        }

        private AwardOutcome.BandAward<T> cutOffTie(String band, int quota, int end) {
            int groupStart = end - 1;
            while (groupStart > next && sameRank(groupStart - 1, groupStart)) {
                groupStart--;
            }
            int groupEnd = end;
            while (groupEnd < eligible.size() && sameRank(groupEnd - 1, groupEnd)) {
                groupEnd++;
            }
            int tied = groupEnd - groupStart;
            String where = tied + " entries tied at rank " + eligible.get(end - 1).rank();
            switch (plan.cutOff()) {
                case INCLUDE_ALL:
                    return take(band, quota, groupEnd, where + ": all included");
                case EXCLUDE_ALL:
                    return take(band, quota, groupStart, where + ": all excluded");
                default:
                    Comparator<RankedEntry<T>> byChain = (a, b) -> plan.breakChain().compare(a.entry(), b.entry());
                    eligible.subList(groupStart, groupEnd).sort(byChain);
                    int cut = end;
                    while (cut < groupEnd && byChain.compare(eligible.get(cut - 1), eligible.get(cut)) == 0) {
                        cut++;
                    }
                    return take(band, quota, cut, cut == end ? where + ": broken by " + plan.breakChain()
                            : where + ": still tied on " + plan.breakChain() + " at the cut-off, all included");
            }
        }

        private AwardOutcome.BandAward<T> take(String band, int quota, int end, String note) {
            List<RankedEntry<T>> winners = List.copyOf(eligible.subList(next, end));
            next = end;
            int overflow = Math.max(0, winners.size() - quota);
            int shortfall = Math.max(0, quota - winners.size());
            return new AwardOutcome.BandAward<>(band, quota, winners, overflow, shortfall, false, note);
        }

        private boolean sameRank(int i, int j) {
            return eligible.get(i).rank() == eligible.get(j).rank();
        }

        private boolean isAtLeast(RankedEntry<T> entry, BandQuota.Threshold threshold) {
            var score = plan.score().apply(entry.entry());
            return score != null && score.compareTo(threshold.minimum()) >= 0;
        }
    }
}
