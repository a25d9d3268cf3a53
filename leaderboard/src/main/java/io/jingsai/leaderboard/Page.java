package io.jingsai.leaderboard;

import java.util.List;

/**
 * One page of a board in display order, read consistently: its ranks, positions, tiers and {@code total} belong
 * to the same state of the board.
 *
 * @param offset  0-based offset that was asked for
 * @param limit   the page size that was asked for
 * @param total   entries on the board (or view) at the time of the read
 * @param entries at most {@code limit} standings, starting at position {@code offset + 1}
 */
public record Page(int offset, int limit, int total, List<Standing> entries) {

    public Page {
        // a board's reads hand over their own immutable lists, which need no copy
        entries = entries instanceof StandingList ? entries : List.copyOf(entries);
    }

    /** Whether entries exist after this page. */
    public boolean hasNext() {
        return offset + entries.size() < total;
    }
}
