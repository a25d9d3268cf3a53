package io.jingsai.api.boards;

import java.time.Instant;
import java.util.List;

/** The data of a board stream's events. */
final class BoardStreamEvents {

    private BoardStreamEvents() {
    }

    /**
     * {@code snapshot}: the whole state a dashboard shows; replace what you hold.
     *
     * @param sequence    the state's number (also in the event's id)
     * @param total       entries on the board
     * @param top         the leading entries, in display order
     * @param frozenSince when the board was frozen (封榜), absent while it is live
     */
    record Snapshot(long eventId, long sequence, int total, List<BoardLineView> top, Instant frozenSince) {
    }

    /**
     * {@code change}: what changed since the state before ({@code sequence - 1}). Drop the entries of
     * {@code leftTop}, replace or add those of {@code changed} (by registration number), sort by position.
     *
     * @param leftTop     registration numbers that are no longer among the leading entries
     * @param frozenSince when the board was frozen (封榜), absent while it is live: the change that freezes the board
     *                    may change nothing else, and after it none comes until the board is released
     */
    record Change(long eventId, long sequence, int total, List<BoardLineView> changed, List<Integer> leftTop,
                  Instant frozenSince) {
    }
}
