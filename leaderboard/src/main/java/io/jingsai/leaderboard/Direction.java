package io.jingsai.leaderboard;

/**
 * Which way one component of a {@link SortKey} ranks: a total ranks {@link #HIGHER_FIRST}, a completion time
 * {@link #LOWER_FIRST}.
 */
public enum Direction {
    /** Larger values rank better (totals, practical and theory scores). */
    HIGHER_FIRST,
    /** Smaller values rank better (completion time, deductions). */
    LOWER_FIRST
}
