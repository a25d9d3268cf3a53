package io.jingsai.api.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Changing a registration while its event takes entries (DRAFT or OPEN): the whole of its station number and status
 * (REGISTERED or OBSERVER) is replaced. The entrant never changes; withdrawing is its own operation.
 */
@Schema(name = "RegistrationChange", example = """
        {"stationNumber": "B-03", "status": "REGISTERED"}""")
record RegistrationChange(
        @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "{stationNumber.format}")
        String stationNumber,
        @NotNull RegistrationStatus status) {

    RegistrationChange {
        stationNumber = stationNumber == null || stationNumber.isBlank() ? null : stationNumber.strip();
    }
}
