package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A deduction or disqualification of an entry, with the chief judge's decision once made.
 *
 * @param aspectId        the DEDUCTION aspect (absent for a disqualification)
 * @param points          points deducted (absent for a disqualification)
 * @param judgeId         the judge who recorded it
 * @param decidedByJudgeId the chief judge who approved or rejected it (absent while PENDING)
 * @param decisionReason  why (required for a rejection)
 * @param version         0 while pending, 1 once decided
 */
record PenaltyView(long id, long eventId, long registrationId, PenaltyKind kind, String aspectId, BigDecimal points,
                   String reason, long judgeId, Instant recordedAt, String recordedBy, PenaltyStatus status,
                   Long decidedByJudgeId, Instant decidedAt, String decidedBy, String decisionReason, long version) {
}
