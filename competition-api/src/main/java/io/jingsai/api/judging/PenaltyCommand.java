package io.jingsai.api.judging;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A judge's deduction (扣分) or disqualification (取消资格) of an entry. A DEDUCTION names a DEDUCTION aspect of the
 * scheme and the points it costs (the aspect's points per violation when left out); a DISQUALIFICATION names neither.
 * Either carries a reason a contestant can dispute.
 */
@Schema(name = "PenaltyCommand", example = """
        {"kind": "DEDUCTION", "aspectId": "P1c", "points": 5, "reason": "带电作业未戴绝缘手套"}""")
record PenaltyCommand(@NotNull PenaltyKind kind, @Size(max = 50) String aspectId, @Positive BigDecimal points,
                      @NotBlank @Size(max = 500) String reason) {

    PenaltyCommand {
        reason = reason == null ? null : reason.strip();
    }

    /** The command in one text that two equal commands share ({@code 5.0} and {@code 5} are the same points). */
    String canonical() {
        return kind + "\n" + (aspectId == null ? "" : aspectId) + "\n"
                + (points == null ? "" : points.stripTrailingZeros().toPlainString()) + "\n" + reason;
    }
}
