package io.jingsai.api.boards;

import java.time.Instant;

/**
 * The freeze state of an event's public board (封榜), for organizers and the event's chief judge.
 *
 * @param frozen      whether the public board and its stream show the results as they were at {@code frozenSince}
 *                    (organizers still read the live board)
 * @param frozenSince when the board was frozen; absent while it is live
 * @param scheduledAt when a freeze is to be taken; absent if none is scheduled
 * @param changedBy   who froze, scheduled or released the board last; absent if it never was
 * @param changedAt   when; absent if never
 * @param version     grows with every change (also the ETag): send it as If-Match to release the board
 */
record BoardFreezeView(long eventId, boolean frozen, Instant frozenSince, Instant scheduledAt, String changedBy,
                       Instant changedAt, long version) {

    static BoardFreezeView of(BoardFreeze freeze) {
        return new BoardFreezeView(freeze.eventId(), freeze.frozen(), freeze.frozenAt(), freeze.scheduledAt(),
                freeze.changedBy(), freeze.changedAt(), freeze.revision());
    }
}
