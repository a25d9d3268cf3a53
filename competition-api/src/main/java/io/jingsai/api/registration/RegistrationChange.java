package io.jingsai.api.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Changing a registration: its station number or its status (observer, withdrawn). The entrant never changes. */
@Schema(name = "Registration change", example = """
        {"stationNumber": "B-03", "status": "REGISTERED"}""")
record RegistrationChange(
        @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "{stationNumber.format}")
        String stationNumber,
        @NotNull RegistrationStatus status) {

    RegistrationChange {
        stationNumber = stationNumber == null || stationNumber.isBlank() ? null : stationNumber.strip();
    }
}
