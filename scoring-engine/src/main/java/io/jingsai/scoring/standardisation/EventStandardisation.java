package io.jingsai.scoring.standardisation;

import java.math.BigDecimal;
import java.util.List;

/** One event's standardisation: its results on the common scale, or a flag saying why they are not. */
public sealed interface EventStandardisation permits EventStandardisation.Standardised, EventStandardisation.Flagged {

    String eventId();

    /**
     * @param centre the event's centre (34 significant digits)
     * @param spread the event's spread (34 significant digits)
     * @param scores sorted by entry id
     */
    record Standardised(String eventId, BigDecimal centre, BigDecimal spread, List<StandardScore> scores)
            implements EventStandardisation {
        public Standardised {
            scores = List.copyOf(scores);
        }
    }

    /** Too few results, or no spread (all results equal): not comparable, so not standardised. */
    record Flagged(String eventId, int results, String reason) implements EventStandardisation {
    }

    /** A raw score and its standardised score (rounded once by the scale's rule). */
    record StandardScore(String entryId, BigDecimal raw, BigDecimal standardised) {
    }
}
