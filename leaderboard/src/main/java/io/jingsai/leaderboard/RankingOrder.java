package io.jingsai.leaderboard;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The ordered chain a board ranks by: a score followed by its tie-break values, each a {@link Criterion} with a
 * direction and a scale (for example total ↓, completion time ↑, practical ↓, theory ↓). Entries equal on every
 * criterion are tied: they share a rank, and their display order follows the entry's display key.
 *
 * <p>This is the leaderboard's own compact form of a ranking chain, so that it can be fed from scoring-engine's
 * ranking chain by a small adapter. Immutable and thread-safe. At most 8 criteria.
 *
 * @param criteria the chain, most significant first; non-empty, distinct names
 */
public record RankingOrder(List<Criterion> criteria) {

    /** The most criteria a chain may have. */
    public static final int MAX_CRITERIA = 8;

    public RankingOrder {
        criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria"));
        if (criteria.isEmpty() || criteria.size() > MAX_CRITERIA) {
            throw new IllegalArgumentException("a ranking order needs 1.." + MAX_CRITERIA + " criteria but got "
                    + criteria.size());
        }
        var names = new HashSet<String>();
        for (Criterion c : criteria) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("criterion '" + c.name() + "' appears twice in " + criteria);
            }
        }
    }

    /** A chain of the given criteria, most significant first. */
    public static RankingOrder of(Criterion first, Criterion... more) {
        var all = new java.util.ArrayList<Criterion>(1 + more.length);
        all.add(first);
        all.addAll(List.of(more));
        return new RankingOrder(all);
    }

    /** A single score, higher first, with {@code scale} decimal places and no tie-breaks. */
    public static RankingOrder score(int scale) {
        return of(Criterion.higherFirst("score", scale));
    }

    /** Number of criteria. */
    public int size() {
        return criteria.size();
    }

    /** The criterion at {@code index} (0 is the score). */
    public Criterion criterion(int index) {
        return criteria.get(index);
    }

    /**
     * A key from exact decimal values, one per criterion in order.
     *
     * @throws IllegalArgumentException if the number of values differs from {@link #size()}, a value is null, has
     *                                  more decimal places than its criterion's scale, or does not fit a scaled long
     */
    public SortKey key(BigDecimal... values) {
        Objects.requireNonNull(values, "values");
        checkArity(values.length);
        long[] unscaled = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            unscaled[i] = toUnscaled(criteria.get(i), values[i]);
        }
        return new SortKey(this, unscaled);
    }

    /**
     * A key from already scaled values ({@code 8735} for 87.35 at scale 2), one per criterion in order. This is the
     * allocation-light path for adapters and bulk loads.
     *
     * @throws IllegalArgumentException if the number of values differs from {@link #size()}
     */
    public SortKey keyOfUnscaled(long... unscaled) {
        Objects.requireNonNull(unscaled, "unscaled");
        checkArity(unscaled.length);
        return new SortKey(this, unscaled.clone());
    }

    private void checkArity(int n) {
        if (n != criteria.size()) {
            throw new IllegalArgumentException("ranking order " + names() + " needs " + criteria.size()
                    + " values but got " + n);
        }
    }

    private static long toUnscaled(Criterion criterion, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException("value of criterion '" + criterion.name() + "' is null");
        }
        try {
            return value.setScale(criterion.scale()).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("value " + value.toPlainString() + " of criterion '" + criterion.name()
                    + "' does not fit scale " + criterion.scale() + " exactly (too many decimal places or too large)", e);
        }
    }

    private List<String> names() {
        return criteria.stream().map(Criterion::name).toList();
    }
}
