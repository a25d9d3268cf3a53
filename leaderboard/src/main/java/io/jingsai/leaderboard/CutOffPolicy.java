package io.jingsai.leaderboard;

/**
 * What a {@link Tier} does when its quota falls inside a group of tied entries (tied on every criterion of the
 * ranking order; the tie-break chain has already been applied by then).
 *
 * <p>Whatever the policy, a tier's members are always a prefix of the board order: positions {@code 1..members}.
 */
public enum CutOffPolicy {
    /** Everyone tied at the cut-off is in: the tier may exceed its quota; the excess is reported as overflow. */
    INCLUDE_ALL,
    /** Nobody tied across the cut-off is in: the tier may hold fewer than its quota. */
    EXCLUDE_ALL
}
