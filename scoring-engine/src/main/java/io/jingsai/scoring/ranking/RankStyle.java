package io.jingsai.scoring.ranking;

/**
 * How tied entries' ranks are numbered. Whatever the style, the members of a tie group share one rank, and an entry
 * that ranks strictly after another never has a smaller rank. Example with four entries, the middle two tied:
 * STANDARD 1, 2, 2, 4; DENSE 1, 2, 2, 3; MODIFIED 1, 3, 3, 4.
 *
 * <p>The one definition of the numbering is {@link #rankOf}; the scoring engine ({@link Ranking}) and the
 * leaderboard both number by it.
 */
public enum RankStyle {
    /** Standard competition ranking "1224": a tie group takes the position of its first member; the next rank
     *  skips. The default. */
    STANDARD,
    /** Dense ranking "1223": a tie group takes the number of tie groups up to and including it; no rank is skipped. */
    DENSE,
    /** Modified competition ranking "1334": a tie group takes the position of its last member, so the gap comes
     *  before the tie instead of after it. */
    MODIFIED;

    /**
     * The rank of a tie group.
     *
     * @param better       entries that rank strictly before the group (0 for the first group)
     * @param groupsBefore tie groups that rank strictly before the group
     * @param size         the group's members, at least 1
     * @return the rank every member of the group shares, 1-based
     */
    public int rankOf(int better, int groupsBefore, int size) {
        return switch (this) {
            case STANDARD -> better + 1;
            case DENSE -> groupsBefore + 1;
            case MODIFIED -> better + size;
        };
    }
}
