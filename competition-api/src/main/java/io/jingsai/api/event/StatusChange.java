package io.jingsai.api.event;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A step of an event's life. A step back (reopening registration, or marking after a complaint during public review)
 * needs a reason; every step is recorded in the event's audit chain.
 */
@Schema(name = "StatusChange", example = "{\"status\": \"OPEN\"}")
public record StatusChange(@NotNull EventStatus status,
                    @Size(max = 500) @Schema(description = "why; required for a step back") String reason) {

    public StatusChange {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
