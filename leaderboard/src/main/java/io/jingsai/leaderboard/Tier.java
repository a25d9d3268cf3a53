package io.jingsai.leaderboard;

import java.util.Objects;

/**
 * A tier of a board: its name, a quota of places counted from the top of the board, and a {@link CutOffPolicy} for
 * ties at the cut-off. Tiers of one board are nested: a board with tiers {@code demonstration:10} and
 * {@code key:100} puts its best ten entries in both (demonstration projects are the best of the key projects).
 *
 * @param name   non-blank, unique on its board
 * @param quota  places, at least 1
 * @param policy tie policy at the cut-off
 */
public record Tier(String name, int quota, CutOffPolicy policy) {

    public Tier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        if (name.isBlank()) {
            throw new IllegalArgumentException("tier name must not be blank");
        }
        if (quota < 1) {
            throw new IllegalArgumentException("quota of tier '" + name + "' must be at least 1 but was " + quota);
        }
    }

    /** A tier with the default policy, {@link CutOffPolicy#INCLUDE_ALL}. */
    public static Tier of(String name, int quota) {
        return new Tier(name, quota, CutOffPolicy.INCLUDE_ALL);
    }
}
