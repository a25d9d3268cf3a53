package io.jingsai.api.boards;

import java.math.BigDecimal;

import io.jingsai.api.result.EntryResultStatus;

/**
 * One entry on a public board: where it stands and what the public may know of it (no ID numbers, no phones).
 *
 * @param rank               shared by tied entries, in the event's rank style
 * @param position           1-based, unique; among ties by registration number
 * @param entrant            the contestant's or the team's name
 * @param enterprise         the entrant's enterprise
 * @param total              the published total
 * @param status             COMPLETE, or INCOMPLETE / NEEDS_REVIEW (provisional: marks missing or held for review,
 *                           ranked on what is marked so far), or DISQUALIFIED
 * @param provisional        true unless the result is COMPLETE or DISQUALIFIED
 */
record BoardLineView(int rank, int position, int registrationNumber, String stationNumber, String entrant,
                     String enterprise, BigDecimal total, EntryResultStatus status, boolean provisional) {
}
