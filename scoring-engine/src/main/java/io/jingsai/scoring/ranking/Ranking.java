package io.jingsai.scoring.ranking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Ranks entries by a {@link RankingRule}.
 *
 * <p>Entries are sorted by the chain, exact ties by the display order. Ranks are numbered by the rule's
 * {@link RankStyle#rankOf}: STANDARD gives a tied group the position of its first member and skips ("1224"); DENSE
 * counts groups ("1223"); MODIFIED gives it the position of its last member ("1334"). A missing key value ranks
 * after every present one ({@link TieBreakKey}). Under FORCE_DISTINCT, any exact tie
 * yields {@link RankingOutcome.UnresolvedTies} with every tied group instead of a ranking. The result does not depend
 * on the input order (given a total display order). Null entries are refused with {@link IllegalArgumentException}.
 */
public final class Ranking {

    private Ranking() {
    }

    public static <T> RankingOutcome<T> rank(Collection<? extends T> entries, RankingRule<T> rule) {
        if (entries == null || rule == null) {
            throw new IllegalArgumentException("entries and rule must not be null");
        }
        List<T> sorted = new ArrayList<>(entries.size());
        for (T entry : entries) {
            if (entry == null) {
                throw new IllegalArgumentException("entries must not contain null");
            }
            sorted.add(entry);
        }
        sorted.sort(rule.chain().thenComparing(rule.displayOrder()));
        List<List<T>> groups = tiedGroups(sorted, rule.chain());
        if (rule.tiePolicy() == TiePolicy.FORCE_DISTINCT) {
            List<List<T>> ties = groups.stream().filter(g -> g.size() > 1).toList();
            if (!ties.isEmpty()) {
                return new RankingOutcome.UnresolvedTies<>(ties);
            }
        }
        List<RankedEntry<T>> ranked = new ArrayList<>(sorted.size());
        int groupsBefore = 0;
        for (List<T> group : groups) {
            int rank = rule.style().rankOf(ranked.size(), groupsBefore++, group.size());
            for (T entry : group) {
                ranked.add(new RankedEntry<>(rank, ranked.size() + 1, entry));
            }
        }
        return new RankingOutcome.Ranked<>(ranked);
    }

    private static <T> List<List<T>> tiedGroups(List<T> sorted, TieBreakChain<T> chain) {
        List<List<T>> groups = new ArrayList<>();
        List<T> current = null;
        for (T entry : sorted) {
            if (current == null || !chain.tied(current.get(0), entry)) {
                current = new ArrayList<>();
                groups.add(current);
            }
            current.add(entry);
        }
        return groups;
    }
}
