package io.jingsai.api.account;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One role of an account with its scope: {@code programmeId} for an organizer, {@code eventId} for a chief judge or
 * a judge, neither for an administrator. {@code eventProgrammeId} is the programme of the event (read, never sent).
 */
@Schema(description = "A role with its scope: ORGANIZER of a programmeId, CHIEF_JUDGE or JUDGE of an eventId, ADMIN "
        + "of everything")
public record Grant(Role role, Long programmeId, Long eventId,
                    @Schema(accessMode = Schema.AccessMode.READ_ONLY) Long eventProgrammeId) {

    public static Grant admin() {
        return new Grant(Role.ADMIN, null, null, null);
    }

    public static Grant organizer(long programmeId) {
        return new Grant(Role.ORGANIZER, programmeId, null, null);
    }

    public static Grant of(Role role, long eventId, long eventProgrammeId) {
        return new Grant(role, null, eventId, eventProgrammeId);
    }

    /** Whether the grant has exactly the scope its role needs. */
    boolean wellScoped() {
        return role != null && (role.scopedToProgramme() ? programmeId != null && eventId == null
                : role.scopedToEvent() ? eventId != null && programmeId == null
                : programmeId == null && eventId == null);
    }
}
