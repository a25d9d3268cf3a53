package io.jingsai.scoring.marking;

import java.time.Instant;

/**
 * The chief judge's approval of a deduction or disqualification. The time is supplied by the caller (from its
 * {@link java.time.Clock}); the engine never reads the clock.
 *
 * @param chiefJudgeId who approved
 * @param approvedAt   when
 * @throws IllegalArgumentException if either is missing
 */
public record Approval(String chiefJudgeId, Instant approvedAt) {

    public Approval {
        Checks.requireText(chiefJudgeId, "chiefJudgeId");
        Checks.requireNonNull(approvedAt, "approvedAt");
    }
}
