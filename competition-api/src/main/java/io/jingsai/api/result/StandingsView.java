package io.jingsai.api.result;

import java.math.BigDecimal;
import java.util.List;

/**
 * An event's provisional standings: every entry with a result (withdrawn and absent entries aside), ranked by the event's
 * tie-break chain and rank style, in display order.
 *
 * @param unresolvedTies true when the event forbids shared ranks and entries are still tied after the whole chain:
 *                       they are shown sharing a rank until the chief judge resolves the tie
 */
record StandingsView(long eventId, boolean unresolvedTies, List<Entry> entries) {

    StandingsView {
        entries = List.copyOf(entries);
    }

    /**
     * @param rank          tied entries share it
     * @param position      1-based, unique; among ties by registration number
     * @param eligible      may take award places: a complete result of a registered (not observing) entry
     * @param resultVersion the version of the stored result ranked
     */
    record Entry(int rank, int position, long registrationId, int registrationNumber, String stationNumber,
                 EntryResultStatus status, BigDecimal total, boolean eligible, long resultVersion) {
    }
}
