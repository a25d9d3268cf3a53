package io.jingsai.api.registration;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("registration")
record RegistrationRow(@Id Long id, long eventId, int registrationNumber, String stationNumber, Long contestantId,
                       Long teamId, RegistrationStatus status, @Version Long version, Instant createdAt,
                       Instant updatedAt) {

    RegistrationRow change(RegistrationChange change, Instant now) {
        return new RegistrationRow(id, eventId, registrationNumber, change.stationNumber(), contestantId, teamId,
                change.status(), version, createdAt, now);
    }
}
