package io.jingsai.leaderboard;

/**
 * How tied entries are numbered. Either way, entries tied on every criterion share a rank and are displayed in
 * display-key order; only the rank after a tie differs.
 */
public enum RankingStyle {
    /** Standard competition ranking, "1224": after two entries tied 2nd, the next is 4th. The default. */
    COMPETITION,
    /** Dense ranking, "1223": after two entries tied 2nd, the next is 3rd. */
    DENSE
}
