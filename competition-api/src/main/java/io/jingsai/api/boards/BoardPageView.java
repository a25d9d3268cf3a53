package io.jingsai.api.boards;

import java.time.Instant;
import java.util.List;

/**
 * A part of an event's public board, read in one consistent state.
 *
 * @param version     changes whenever what it shows changes (also its ETag); compare it, do not parse it. A frozen
 *                    board keeps its version until it is released, however many results arrive meanwhile
 * @param total       entries on the board: every active entry with a result
 * @param offset      the 0-based offset of the first entry shown
 * @param entries     in display order
 * @param frozenSince when the board shown was frozen (封榜): it shows the results as they were then. Absent while
 *                    the board is live
 */
record BoardPageView(long eventId, String version, int total, int offset, List<BoardLineView> entries,
                     Instant frozenSince) {

    BoardPageView {
        entries = List.copyOf(entries);
    }
}
