package io.jingsai.api.registration;

import java.time.Instant;

/**
 * A registration: who is entered in which event, under which numbers. A withdrawn registration says who withdrew it,
 * when and why ({@code withdrawnBy}, {@code withdrawnAt}, {@code withdrawalReason}; absent otherwise); an ABSENT one
 * (did not start) who recorded the absence, when and why ({@code absentBy}, {@code absentAt}, {@code absenceReason}).
 * {@code verificationCode} is what its contestant looks up their own results with ({@link VerificationCodes}): for
 * organizers to hand out: absent for judges, never shown in public. For judges of a blind event, until identities are revealed, the
 * registration number, contestant, team and verification code are absent: the station is all that names the entry.
 */
public record RegistrationView(long id, long eventId, Integer registrationNumber, String stationNumber,
                               Long contestantId, Long teamId, RegistrationStatus status, long version,
                               Instant createdAt, Instant updatedAt, Instant withdrawnAt, String withdrawnBy,
                               String withdrawalReason, Instant absentAt, String absentBy, String absenceReason,
                               String verificationCode) {

    /** The registration as a blind event shows it to judges: by station, nothing that tells who. */
    RegistrationView withoutIdentity() {
        return new RegistrationView(id, eventId, null, stationNumber, null, null, status, version, createdAt,
                updatedAt, withdrawnAt, withdrawnBy, withdrawalReason, absentAt, absentBy, absenceReason, null);
    }

    /** The registration as judges see it: a contestant's verification code is for organizers to hand out. */
    RegistrationView withoutVerificationCode() {
        return new RegistrationView(id, eventId, registrationNumber, stationNumber, contestantId, teamId, status,
                version, createdAt, updatedAt, withdrawnAt, withdrawnBy, withdrawalReason, absentAt, absentBy,
                absenceReason, null);
    }
}
