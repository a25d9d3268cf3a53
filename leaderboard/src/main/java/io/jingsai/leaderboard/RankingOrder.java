package io.jingsai.leaderboard;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The ordered chain a board ranks by: a score followed by its tie-break keys, each a {@link ScaledKey} with an
 * order and a scale (for example total ↓, completion time ↑, practical ↓, theory ↓). Entries equal on every key are
 * tied: they share a rank, and their display order follows the entry's display key.
 *
 * <p>This is the board's compact form of a scoring-engine tie-break chain; {@link BoardRule} makes one from an
 * event's {@code RankingRule}. A key value may be missing (no completion time recorded): it ranks after every
 * present value of its key, whatever the key's order, and ties with other missing values, as in the engine.
 * Immutable and thread-safe. At most 8 keys.
 *
 * @param keys the chain, most significant first; non-empty, distinct names
 */
public record RankingOrder(List<ScaledKey> keys) {

    /** The most keys a chain may have. */
    public static final int MAX_KEYS = 8;

    public RankingOrder {
        keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
        if (keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("a ranking order needs 1.." + MAX_KEYS + " keys but got "
                    + keys.size());
        }
        var names = new HashSet<String>();
        for (ScaledKey key : keys) {
            if (!names.add(key.name())) {
                throw new IllegalArgumentException("key '" + key.name() + "' appears twice in " + keys);
            }
        }
    }

    /** A chain of the given keys, most significant first. */
    public static RankingOrder of(ScaledKey first, ScaledKey... more) {
        var all = new java.util.ArrayList<ScaledKey>(1 + more.length);
        all.add(first);
        all.addAll(List.of(more));
        return new RankingOrder(all);
    }

    /** A single score, higher first, with {@code scale} decimal places and no tie-breaks. */
    public static RankingOrder score(int scale) {
        return of(ScaledKey.descending("score", scale));
    }

    /** Number of keys. */
    public int size() {
        return keys.size();
    }

    /** The key at {@code index} (0 is the score). */
    public ScaledKey keyAt(int index) {
        return keys.get(index);
    }

    /**
     * A key from exact decimal values, one per key of the chain in order; {@code null} is a missing value.
     *
     * @throws IllegalArgumentException if the number of values differs from {@link #size()}, or a value has more
     *                                  decimal places than its key's scale or does not fit a scaled long (other than
     *                                  its two extremes, which are reserved)
     */
    public SortKey key(BigDecimal... values) {
        Objects.requireNonNull(values, "values");
        checkArity(values.length);
        long[] unscaled = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            unscaled[i] = toUnscaled(keys.get(i), values[i]);
        }
        return new SortKey(this, unscaled);
    }

    /**
     * A key from already scaled values ({@code 8735} for 87.35 at scale 2), one per key in order; {@link
     * SortKey#MISSING} is a missing value. This is the allocation-light path for adapters and bulk loads.
     *
     * @throws IllegalArgumentException if the number of values differs from {@link #size()} or a value is
     *                                  {@code Long.MAX_VALUE} (reserved)
     */
    public SortKey keyOfUnscaled(long... unscaled) {
        Objects.requireNonNull(unscaled, "unscaled");
        checkArity(unscaled.length);
        for (int i = 0; i < unscaled.length; i++) {
            if (unscaled[i] == Long.MAX_VALUE) {
                throw new IllegalArgumentException("value of key '" + keys.get(i).name() + "' is Long.MAX_VALUE, "
                        + "which is reserved");
            }
        }
        return new SortKey(this, unscaled.clone());
    }

    private void checkArity(int n) {
        if (n != keys.size()) {
            throw new IllegalArgumentException("ranking order " + names() + " needs " + keys.size()
                    + " values but got " + n);
        }
    }

    private static long toUnscaled(ScaledKey key, BigDecimal value) {
        if (value == null) {
            return SortKey.MISSING;
        }
        try {
            long unscaled = value.setScale(key.scale()).unscaledValue().longValueExact();
            if (unscaled != SortKey.MISSING && unscaled != Long.MAX_VALUE) {
                return unscaled;
            }
        } catch (ArithmeticException e) {
            // reported below, as a value at a reserved extreme is
        }
        throw new IllegalArgumentException("value " + value.toPlainString() + " of key '" + key.name()
                + "' does not fit scale " + key.scale() + " exactly (too many decimal places or too large)");
    }

    private List<String> names() {
        return keys.stream().map(ScaledKey::name).toList();
    }
}
