package io.jingsai.api.programme;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A step of the evaluation of a programme's projects; a step back needs a reason. */
@Schema(name = "EvaluationStep", example = "{\"status\": \"REVIEWED\"}")
record EvaluationStep(@NotNull EvaluationStatus status,
                      @Size(max = 500) @Schema(description = "why; required for a step back") String reason) {

    EvaluationStep {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
