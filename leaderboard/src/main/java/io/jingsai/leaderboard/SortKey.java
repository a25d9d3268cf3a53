package io.jingsai.leaderboard;

import io.jingsai.scoring.ranking.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The values an entry is ranked by: one exact decimal per key of its {@link RankingOrder} (the score first, then
 * the tie-break values), each possibly missing. Create keys with {@link RankingOrder#key} or
 * {@link RankingOrder#keyOfUnscaled}, or from an event's ranking rule with {@link BoardRule#key}.
 *
 * <p>A missing value ranks after every present value of its key, whatever the key's order, and ties with another
 * missing value: the rule of the scoring engine's {@code TieBreakKey}.
 *
 * <p>{@link #compareTo} orders keys best first: a negative result means this key ranks better. Two keys that compare
 * equal are a tie. Keys of different orders are not comparable. Immutable and thread-safe.
 */
public final class SortKey implements Comparable<SortKey> {

    /** The scaled value that stands for a missing value in {@link RankingOrder#keyOfUnscaled}. */
    public static final long MISSING = Long.MIN_VALUE;

    private final RankingOrder order;
    private final long[] unscaled;

    SortKey(RankingOrder order, long[] unscaled) {
        this.order = order;
        this.unscaled = unscaled;
    }

    /** The ranking order this key belongs to. */
    public RankingOrder order() {
        return order;
    }

    /** Number of values (equals {@code order().size()}). */
    public int size() {
        return unscaled.length;
    }

    /** The scaled value at {@code index} ({@code 8735} for 87.35 at scale 2), or {@link #MISSING}. */
    public long unscaled(int index) {
        return unscaled[index];
    }

    /** Whether the value at {@code index} is missing. */
    public boolean isMissing(int index) {
        return unscaled[index] == MISSING;
    }

    /** The exact value at {@code index}, with its key's scale, or null if it is missing. */
    public BigDecimal value(int index) {
        return isMissing(index) ? null : BigDecimal.valueOf(unscaled[index], order.keyAt(index).scale());
    }

    /** The score: the value of the first key, or null if it is missing. */
    public BigDecimal score() {
        return value(0);
    }

    /** All values in key order; a missing value is null. */
    public List<BigDecimal> values() {
        var values = new ArrayList<BigDecimal>(unscaled.length);
        for (int i = 0; i < unscaled.length; i++) {
            values.add(value(i));
        }
        return java.util.Collections.unmodifiableList(values);
    }

    /** The value at {@code index} mapped so that smaller is always better. */
    long normalized(int index) {
        return normalize(order.keyAt(index).order(), unscaled[index]);
    }

    /**
     * Maps a scaled value so that smaller is always better: a missing value to {@code Long.MAX_VALUE}, after every
     * present value (which lies strictly between the two extremes of a long); {@code ~v} reverses a descending
     * key's order without overflow. Its own inverse.
     */
    static long normalize(Order order, long value) {
        if (value == MISSING || value == Long.MAX_VALUE) {
            return value == MISSING ? Long.MAX_VALUE : MISSING;
        }
        return order == Order.DESCENDING ? ~value : value;
    }

    /**
     * Best first: negative if this key ranks better than {@code other}, zero on a tie.
     *
     * @throws IllegalArgumentException if the keys belong to different ranking orders
     */
    @Override
    public int compareTo(SortKey other) {
        if (!order.equals(other.order)) {
            throw new IllegalArgumentException("cannot compare keys of different ranking orders: " + order + " and "
                    + other.order);
        }
        for (int i = 0; i < unscaled.length; i++) {
            int c = Long.compare(normalized(i), other.normalized(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SortKey other && Arrays.equals(unscaled, other.unscaled) && order.equals(other.order);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(unscaled);
    }

    @Override
    public String toString() {
        var sb = new StringBuilder("SortKey[");
        for (int i = 0; i < unscaled.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(order.keyAt(i).name()).append('=').append(isMissing(i) ? "missing" : value(i).toPlainString());
        }
        return sb.append(']').toString();
    }

    static SortKey fromNormalized(RankingOrder order, long[] normalized, int offset) {
        int n = order.size();
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = normalize(order.keyAt(i).order(), normalized[offset + i]);
        }
        return new SortKey(order, values);
    }

    static boolean sameOrder(SortKey key, RankingOrder order) {
        return key.order == order || key.order.equals(order);
    }

    static void requireOrder(SortKey key, RankingOrder order, String board) {
        Objects.requireNonNull(key, "key");
        if (!sameOrder(key, order)) {
            throw new IllegalArgumentException("key " + key + " does not belong to the ranking order of board '"
                    + board + "' " + order);
        }
    }
}
