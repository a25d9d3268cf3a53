package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A judge's current score sheet for one entry.
 *
 * @param marks       in the order the judge gave them
 * @param submittedBy the account that submitted this version
 * @param version     0 when first submitted, +1 with each replacement; send it back as If-Match to replace it
 */
record ScoreSheetView(long eventId, long registrationId, long judgeId, List<MarkView> marks, Instant submittedAt,
                      String submittedBy, long version) {

    ScoreSheetView {
        marks = List.copyOf(marks);
    }

    record MarkView(String aspectId, BigDecimal value) {
    }
}
