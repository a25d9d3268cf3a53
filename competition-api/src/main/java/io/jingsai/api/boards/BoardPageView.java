package io.jingsai.api.boards;

import java.util.List;

/**
 * A part of an event's public board, read in one consistent state.
 *
 * @param version changes whenever the board changes (also its ETag); compare it, do not parse it
 * @param total   entries on the board: every active entry with a result
 * @param offset  the 0-based offset of the first entry shown
 * @param entries in display order
 */
record BoardPageView(long eventId, String version, int total, int offset, List<BoardLineView> entries) {

    BoardPageView {
        entries = List.copyOf(entries);
    }
}
