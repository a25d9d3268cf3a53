package io.jingsai.leaderboard;

import java.util.List;

/**
 * One consistent state of one ranked list (a board, or a filtered view of it), live or frozen. Only called inside
 * a read: all calls of one query see the same state.
 */
interface Ordering {

    int size();

    /** The version of the state read. */
    long version();

    /** 0-based position in this ordering, or -1. */
    int positionOf(long id);

    /** 1-based rank, or 0 if absent. */
    int rankOf(long id);

    /** 0-based position of the first entry with exactly this rank, or -1. */
    int firstPositionWithRank(int rank);

    /** The standings of positions {@code from .. from + count - 1} (bounded by the size). */
    StandingList collect(int from, int count);

    /** The main board's tier statuses. */
    List<TierStatus> tiers();

    /** 0-based position of the entry on the main board, or -1. */
    int mainPositionOf(long id);

    /** The main-board position of the entry at 0-based {@code position} of this ordering. */
    int mainPositionAt(int position);

    /** The ids at main-board positions {@code from .. from + count - 1}. */
    long[] mainIds(int from, int count);
}
