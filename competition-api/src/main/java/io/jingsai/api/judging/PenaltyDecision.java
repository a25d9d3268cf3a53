package io.jingsai.api.judging;

import io.jingsai.api.shared.CrossFieldRule;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The chief judge's decision on a pending deduction or disqualification; a rejection says why. */
@Schema(name = "PenaltyDecision", example = """
        {"outcome": "APPROVED", "reason": "监控录像确认"}""")
record PenaltyDecision(@NotNull Outcome outcome, @Size(max = 500) String reason) {

    enum Outcome { APPROVED, REJECTED }

    PenaltyDecision {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    @CrossFieldRule(field = "reason", message = "{penalty.rejectionReason}")
    @Schema(hidden = true)
    boolean isRejectionExplained() {
        return outcome != Outcome.REJECTED || reason != null;
    }
}
