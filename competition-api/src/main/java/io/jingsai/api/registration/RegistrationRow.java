package io.jingsai.api.registration;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("registration")
record RegistrationRow(@Id Long id, long eventId, int registrationNumber, String stationNumber, Long contestantId,
                       Long teamId, RegistrationStatus status, @Version Long version, Instant createdAt,
                       Instant updatedAt, Instant withdrawnAt, String withdrawnBy, String withdrawalReason) {

    static RegistrationRow create(long eventId, int number, RegistrationCommand command, Instant now) {
        return new RegistrationRow(null, eventId, number, command.stationNumber(), command.contestantId(),
                command.teamId(), command.status(), null, now, now, null, null, null);
    }

    RegistrationRow change(RegistrationChange change, Instant now) {
        return new RegistrationRow(id, eventId, registrationNumber, change.stationNumber(), contestantId, teamId,
                change.status(), version, createdAt, now, withdrawnAt, withdrawnBy, withdrawalReason);
    }

    /** The same entry, withdrawn: numbers, entrant and everything else stay as they were. */
    RegistrationRow withdraw(String by, String reason, Instant now) {
        return new RegistrationRow(id, eventId, registrationNumber, stationNumber, contestantId, teamId,
                RegistrationStatus.WITHDRAWN, version, createdAt, now, now, by, reason);
    }
}
