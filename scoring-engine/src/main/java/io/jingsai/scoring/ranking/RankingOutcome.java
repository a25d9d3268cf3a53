package io.jingsai.scoring.ranking;

import java.util.List;

/**
 * A ranking, or, under {@link TiePolicy#FORCE_DISTINCT}, the ties that block it.
 *
 * @param <T> the entry type
 */
public sealed interface RankingOutcome<T> permits RankingOutcome.Ranked, RankingOutcome.UnresolvedTies {

    /** Entries in display order with their ranks. */
    record Ranked<T>(List<RankedEntry<T>> entries) implements RankingOutcome<T> {
        public Ranked {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Groups of entries the chain cannot separate, best group first, each in display order. Publishing is blocked
     * until the chief judge resolves them (e.g. by adding a key or a decision).
     */
    record UnresolvedTies<T>(List<List<T>> groups) implements RankingOutcome<T> {
        public UnresolvedTies {
            groups = groups.stream().map(List::copyOf).toList();
        }
    }
}
