package io.jingsai.scoring.ranking;

import io.jingsai.scoring.scheme.RuleChecks;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Function;

/**
 * One key of a tie-break chain: a named decimal value of an entry and the direction in which it ranks.
 *
 * <p>Values compare numerically ({@code 2.0} ties with {@code 2.00}). A missing value (the function returns null,
 * e.g. no completion time recorded) ranks after every present value, whatever the direction, and ties with other
 * missing values.
 *
 * @param name  for messages and configuration, e.g. {@code total}, {@code completionTime}
 * @param order which value ranks first
 * @param value extracts the value from an entry
 * @param <T>   the entry type
 */
public record TieBreakKey<T>(String name, Order order, Function<? super T, BigDecimal> value) {

    public TieBreakKey {
        RuleChecks.require(RuleChecks.tieBreakKey(name, order));
        Objects.requireNonNull(value, "value of tie-break key " + name);
    }

    /** Larger values rank first. */
    public static <T> TieBreakKey<T> descending(String name, Function<? super T, BigDecimal> value) {
        return new TieBreakKey<>(name, Order.DESCENDING, value);
    }

    /** Smaller values rank first. */
    public static <T> TieBreakKey<T> ascending(String name, Function<? super T, BigDecimal> value) {
        return new TieBreakKey<>(name, Order.ASCENDING, value);
    }

    /** Negative if {@code a} ranks before {@code b}, zero if this key ties them. */
    public int compare(T a, T b) {
        BigDecimal x = value.apply(a);
        BigDecimal y = value.apply(b);
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : 1) : -1;
        }
        int natural = x.compareTo(y);
        return order == Order.ASCENDING ? natural : -natural;
    }

    @Override
    public String toString() {
        return name + (order == Order.ASCENDING ? " ↑" : " ↓");
    }
}
