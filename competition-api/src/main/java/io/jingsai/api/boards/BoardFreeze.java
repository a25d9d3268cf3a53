package io.jingsai.api.boards;

import java.time.Instant;
import java.util.List;

import io.jingsai.api.result.CurrentResults.CurrentResult;

/**
 * The stored freeze state of an event's board (封榜), as every instance reads it.
 *
 * @param revision    grows with every change of the state; 0 for a board never frozen
 * @param frozenAt    when the board was frozen, or null while it is live
 * @param results     the event's results as they were at {@code frozenAt} (what the frozen board shows); empty while
 *                    live, and empty where only the state was read
 * @param scheduledAt when a freeze is to be taken, or null
 * @param changedBy   who changed the state last (null for a board never frozen)
 */
record BoardFreeze(long eventId, long revision, Instant frozenAt, List<CurrentResult> results, Instant scheduledAt,
                   String changedBy, Instant changedAt) {

    BoardFreeze {
        results = List.copyOf(results);
    }

    /** The state of a board never frozen. */
    static BoardFreeze none(long eventId) {
        return new BoardFreeze(eventId, 0, null, List.of(), null, null, null);
    }

    boolean frozen() {
        return frozenAt != null;
    }

    boolean scheduled() {
        return scheduledAt != null;
    }
}
