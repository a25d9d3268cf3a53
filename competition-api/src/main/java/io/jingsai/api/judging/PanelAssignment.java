package io.jingsai.api.judging;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Putting a judge on an event's panel. */
@Schema(name = "PanelAssignment", example = """
        {"judgeId": 1, "role": "JUDGE"}""")
public record PanelAssignment(@NotNull @Positive Long judgeId, @NotNull PanelRole role) {
}
