package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** An entry's current record by officials, with its version (the ETag). */
@Schema(name = "EntryRecord")
record EntryRecordView(long eventId, long registrationId, BigDecimal completionSeconds,
                       List<EntryRecordCommand.Difficulty> difficulty, Instant recordedAt, String recordedBy,
                       long version) {

    EntryRecordView {
        difficulty = List.copyOf(difficulty);
    }
}
