package io.jingsai.scoring.ranking;

/** How tied entries' ranks are numbered. */
public enum RankStyle {
    /** Standard competition ranking "1224": ties share a rank, the next rank skips. The default. */
    STANDARD,
    /** Dense ranking "1223": ties share a rank, the next rank does not skip. */
    DENSE
}
