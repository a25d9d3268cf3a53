package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry into or exit from a tier of a programme.
 *
 * @param id         grows with each row: the order in which they were recorded
 * @param subjectId  the contestant (STARS) or the project (KEY, DEMONSTRATION)
 * @param name       the subject's name when recorded
 * @param rank       the subject's rank on its board then; absent when it left the board altogether (a withdrawal)
 * @param score      its board score then (standardised score combined, or project score); absent likewise
 * @param cause      what was followed when the change was found
 * @param recordedAt when it was recorded
 */
record TierHistoryEntry(long id, TierBasis basis, FundTier tier, long subjectId, String name, TierMovement movement,
                        Integer rank, BigDecimal score, TierCause cause, Instant recordedAt) {
}
