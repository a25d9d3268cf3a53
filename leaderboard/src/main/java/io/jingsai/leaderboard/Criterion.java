package io.jingsai.leaderboard;

import java.util.Objects;

/**
 * One component of a board's {@link RankingOrder}: its name (for display and error messages), its
 * {@link Direction} and its decimal {@code scale} (number of decimal places kept exactly, 0 to 18).
 *
 * <p>Values are stored as exact scaled {@code long}s: a criterion with scale 2 holds {@code 87.35} as {@code 8735}.
 * A value with more decimal places than the scale is rejected, never rounded: rounding belongs to the scoring rules.
 *
 * @param name      non-blank, e.g. {@code "total"} or {@code "completionSeconds"}
 * @param direction which way the component ranks
 * @param scale     decimal places, {@code 0..18}
 */
public record Criterion(String name, Direction direction, int scale) {

    public Criterion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        if (name.isBlank()) {
            throw new IllegalArgumentException("criterion name must not be blank");
        }
        if (scale < 0 || scale > 18) {
            throw new IllegalArgumentException("scale of criterion '" + name + "' must be 0..18 but was " + scale);
        }
    }

    /** A component where larger values rank better. */
    public static Criterion higherFirst(String name, int scale) {
        return new Criterion(name, Direction.HIGHER_FIRST, scale);
    }

    /** A component where smaller values rank better. */
    public static Criterion lowerFirst(String name, int scale) {
        return new Criterion(name, Direction.LOWER_FIRST, scale);
    }
}
