package io.jingsai.api.registration;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("registration")
record RegistrationRow(@Id Long id, long eventId, int registrationNumber, String stationNumber, Long contestantId,
                       Long teamId, RegistrationStatus status, @Version Long version, Instant createdAt,
                       Instant updatedAt, Instant withdrawnAt, String withdrawnBy, String withdrawalReason,
                       Instant absentAt, String absentBy, String absenceReason,
                       RegistrationStatus statusBeforeAbsence) {

    static RegistrationRow create(long eventId, int number, RegistrationCommand command, Instant now) {
        return new RegistrationRow(null, eventId, number, command.stationNumber(), command.contestantId(),
                command.teamId(), command.status(), null, now, now, null, null, null, null, null, null, null);
    }

    RegistrationRow change(RegistrationChange change, Instant now) {
        return new RegistrationRow(id, eventId, registrationNumber, change.stationNumber(), contestantId, teamId,
                change.status(), version, createdAt, now, withdrawnAt, withdrawnBy, withdrawalReason, absentAt,
                absentBy, absenceReason, statusBeforeAbsence);
    }

    /** The same entry, withdrawn: numbers, entrant, an absence recorded before and everything else stay. */
    RegistrationRow withdraw(String by, String reason, Instant now) {
        return new RegistrationRow(id, eventId, registrationNumber, stationNumber, contestantId, teamId,
                RegistrationStatus.WITHDRAWN, version, createdAt, now, now, by, reason, absentAt, absentBy,
                absenceReason, statusBeforeAbsence);
    }

    /** The same entry, absent (did not start), remembering its status to return to if the absence is taken back. */
    RegistrationRow absent(String by, String reason, Instant now) {
        return new RegistrationRow(id, eventId, registrationNumber, stationNumber, contestantId, teamId,
                RegistrationStatus.ABSENT, version, createdAt, now, withdrawnAt, withdrawnBy, withdrawalReason, now,
                by, reason, status);
    }

    /** The absence taken back: the entry has the status it had before, and no absence recorded. */
    RegistrationRow present(Instant now) {
        return new RegistrationRow(id, eventId, registrationNumber, stationNumber, contestantId, teamId,
                statusBeforeAbsence, version, createdAt, now, withdrawnAt, withdrawnBy, withdrawalReason, null, null,
                null, null);
    }
}
