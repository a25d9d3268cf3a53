package io.jingsai.leaderboard;

import io.jingsai.scoring.award.CutOffPolicy;
import java.util.Objects;

/**
 * A tier of a board: its name, a quota of places counted from the top of the board, and the scoring engine's
 * {@link CutOffPolicy} for ties at the cut-off. Tiers of one board are nested: a board with tiers
 * {@code demonstration:10} and {@code key:100} puts its best ten entries in both (demonstration projects are the
 * best of the key projects).
 *
 * <p>A tier holds the places an award band with a count quota of {@code quota} would give, over the whole board,
 * by the same policy: with {@link CutOffPolicy#INCLUDE_ALL} everyone tied at the cut-off is in (overflow); with
 * {@link CutOffPolicy#EXCLUDE_ALL} nobody tied across it is in (vacancies); with
 * {@link CutOffPolicy#BREAK_BY_CHAIN} the board's own chain breaks the tie, and since entries tied on a board are
 * tied on its whole chain, all of them are in, as the engine does with entries still tied on the chain. A quota of
 * 0 holds nobody.
 *
 * @param name   non-blank, unique on its board
 * @param quota  places, at least 0
 * @param policy tie policy at the cut-off
 */
public record Tier(String name, int quota, CutOffPolicy policy) {

    public Tier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        if (name.isBlank()) {
            throw new IllegalArgumentException("tier name must not be blank");
        }
        if (quota < 0) {
            throw new IllegalArgumentException("quota of tier '" + name + "' must be at least 0 but was " + quota);
        }
    }

    /** A tier with the default policy, {@link CutOffPolicy#INCLUDE_ALL}. */
    public static Tier of(String name, int quota) {
        return new Tier(name, quota, CutOffPolicy.INCLUDE_ALL);
    }
}
