package io.jingsai.scoring.standardisation;

import java.math.BigDecimal;

/**
 * One entry's raw result in one event.
 *
 * @throws IllegalArgumentException if an id is blank or the score is null
 */
public record RawResult(String eventId, String entryId, BigDecimal score) {

    public RawResult {
        if (eventId == null || eventId.isBlank() || entryId == null || entryId.isBlank()) {
            throw new IllegalArgumentException("eventId and entryId must not be blank");
        }
        if (score == null) {
            throw new IllegalArgumentException("score of entry " + entryId + " must not be null");
        }
    }

    public static RawResult of(String eventId, String entryId, String score) {
        return new RawResult(eventId, entryId, new BigDecimal(score));
    }
}
