package io.jingsai.leaderboard;

import io.jingsai.scoring.ranking.Order;
import io.jingsai.scoring.ranking.TieBreakKey;
import java.util.Objects;

/**
 * One key of a board's {@link RankingOrder} as the board stores it: the name and {@link Order} of a scoring-engine
 * {@link TieBreakKey}, plus the decimal {@code scale} of its published figure (decimal places kept exactly, 0 to
 * 18). {@link BoardRule} makes these from an event's ranking rule.
 *
 * <p>Values are stored as exact scaled {@code long}s: a key with scale 2 holds {@code 87.35} as {@code 8735}.
 * A value with more decimal places than the scale is rejected, never rounded: rounding belongs to the scoring rules.
 *
 * @param name  non-blank, e.g. {@code "total"} or {@code "completionSeconds"}
 * @param order which value ranks first
 * @param scale decimal places, {@code 0..18}
 */
public record ScaledKey(String name, Order order, int scale) {

    public ScaledKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(order, "order");
        if (name.isBlank()) {
            throw new IllegalArgumentException("key name must not be blank");
        }
        if (scale < 0 || scale > 18) {
            throw new IllegalArgumentException("scale of key '" + name + "' must be 0..18 but was " + scale);
        }
    }

    /** A key whose larger values rank first (a total). */
    public static ScaledKey descending(String name, int scale) {
        return new ScaledKey(name, Order.DESCENDING, scale);
    }

    /** A key whose smaller values rank first (a completion time). */
    public static ScaledKey ascending(String name, int scale) {
        return new ScaledKey(name, Order.ASCENDING, scale);
    }
}
