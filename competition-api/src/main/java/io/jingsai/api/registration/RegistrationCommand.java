package io.jingsai.api.registration;

import io.jingsai.api.shared.CrossFieldRule;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Entering a contestant (individual events) or a team (team events) into an event. The registration number is
 * assigned in order of registration; the station number (工位号) is optional and unique within the event.
 */
@Schema(name = "RegistrationCommand", description = "Give exactly one of contestantId (individual events) and teamId "
        + "(team events).", example = """
        {"contestantId": 1, "stationNumber": "A-07"}""")
public record RegistrationCommand(
        @Positive Long contestantId,
        @Positive Long teamId,
        @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "{stationNumber.format}")
        String stationNumber,
        Boolean observer) {

    public RegistrationCommand {
        stationNumber = stationNumber == null || stationNumber.isBlank() ? null : stationNumber.strip();
    }

    @CrossFieldRule(field = "contestantId", message = "{entrant.exactlyOne}")
    @Schema(hidden = true)
    boolean isOneEntrant() {
        return (contestantId == null) != (teamId == null);
    }

    RegistrationStatus status() {
        return Boolean.TRUE.equals(observer) ? RegistrationStatus.OBSERVER : RegistrationStatus.REGISTERED;
    }
}
