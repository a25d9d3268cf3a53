package io.jingsai.api.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Recording that an entry did not start ({@code absent: true}), or taking that back ({@code absent: false}, the
 * entrant arrived late, say); why, in words kept in the event's audit chain.
 */
@Schema(name = "RegistrationAbsence", example = """
        {"absent": true, "reason": "选手未按时到场检录"}""")
record RegistrationAbsence(@NotNull Boolean absent, @NotBlank @Size(max = 500) String reason) {

    RegistrationAbsence {
        reason = reason == null ? null : reason.strip();
    }
}
