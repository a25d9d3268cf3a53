package io.jingsai.api.judging;

import java.util.List;

/** An event's deductions and disqualifications, oldest first. */
record PenaltiesView(long eventId, List<PenaltyView> items) {

    PenaltiesView {
        items = List.copyOf(items);
    }
}
