package io.jingsai.scoring.ranking;

import java.util.Comparator;
import java.util.List;

/**
 * An ordered chain of tie-break keys, configured per event: e.g. total ↓, completion time ↑, practical ↓, theory ↓.
 * Entries are compared key by key; the first key that differs decides. Entries equal on every key are tied.
 *
 * <p>Reusable wherever entries are ordered (rankings, award cut-offs, the leaderboard): {@link #compare} is a total
 * preorder, consistent with {@link #tied}.
 *
 * @param keys at least one key, in order of precedence
 * @param <T>  the entry type
 */
public record TieBreakChain<T>(List<TieBreakKey<T>> keys) implements Comparator<T> {

    public TieBreakChain {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("a tie-break chain needs at least one key");
        }
        keys = List.copyOf(keys);
    }

    @SafeVarargs
    public static <T> TieBreakChain<T> of(TieBreakKey<T>... keys) {
        return new TieBreakChain<>(List.of(keys));
    }

    /** Negative if {@code a} ranks before {@code b}, zero if tied on every key. */
    @Override
    public int compare(T a, T b) {
        for (TieBreakKey<T> key : keys) {
            int c = key.compare(a, b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** True if every key ties the two entries. */
    public boolean tied(T a, T b) {
        return compare(a, b) == 0;
    }

    /** The name of the first key that separates two entries, or null if they are tied. */
    public String decidingKey(T a, T b) {
        for (TieBreakKey<T> key : keys) {
            if (key.compare(a, b) != 0) {
                return key.name();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return keys.toString();
    }
}
