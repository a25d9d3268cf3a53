package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One judge's marks for one aspect across entries, as accepted: each entry's mark with the version its sheet is at
 * now (send it as {@code sheetVersion} to change the mark again).
 *
 * @param marks       in the order they were sent
 * @param submittedBy the account that sent them
 */
record AspectSheetView(long eventId, String aspectId, long judgeId, List<EntryMarkView> marks, Instant submittedAt,
                       String submittedBy) {

    AspectSheetView {
        marks = List.copyOf(marks);
    }

    /** @param sheetVersion the version of the judge's sheet for the entry that holds this mark now */
    record EntryMarkView(long registrationId, BigDecimal value, long sheetVersion) {
    }
}
