package io.jingsai.api.account;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * A signed-in account as the access rules see it: its grants, and whether it must change its password before doing
 * anything else. Built afresh from the database at each sign-in and for each bearer token's request.
 */
public record Caller(long accountId, String username, List<Grant> grants, boolean passwordChangeRequired) {

    public Caller {
        grants = List.copyOf(grants);
    }

    /** The account behind a request's principal; empty for an anonymous request. */
    public static Optional<Caller> of(Principal principal) {
        return principal instanceof Authentication authentication && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }

    public boolean isAdmin() {
        return grants.stream().anyMatch(grant -> grant.role() == Role.ADMIN);
    }

    /** Holds one of {@code roles} on the programme itself (organizers). */
    public boolean holdsOnProgramme(long programmeId, List<Role> roles) {
        return grants.stream().anyMatch(grant -> roles.contains(grant.role()) && grant.programmeId() != null
                && grant.programmeId() == programmeId);
    }

    /** Holds one of {@code roles} on the event, or as organizer of its programme. */
    public boolean holdsOnEvent(long eventId, long programmeId, List<Role> roles) {
        return holdsOnProgramme(programmeId, roles) || grants.stream().anyMatch(grant -> roles.contains(grant.role())
                && grant.eventId() != null && grant.eventId() == eventId);
    }

    /** Holds any grant that reaches the programme: organizing it, or judging one of its events. */
    public boolean reachesProgramme(long programmeId) {
        return grants.stream().anyMatch(grant -> (grant.programmeId() != null && grant.programmeId() == programmeId)
                || (grant.eventProgrammeId() != null && grant.eventProgrammeId() == programmeId));
    }

    /**
     * Whether the caller, once let in to an event's records, is there as an administrator or an organizer of the
     * event's programme rather than only as one of its judges. An event grant names its event's programme, so no
     * look-up is needed: a caller with no grant on the event can only have been let in as organizer or administrator.
     */
    public boolean organizes(long eventId) {
        if (isAdmin()) {
            return true;
        }
        List<Grant> onEvent = grants.stream()
                .filter(grant -> grant.eventId() != null && grant.eventId() == eventId).toList();
        return onEvent.isEmpty() || onEvent.stream().anyMatch(grant -> grant.eventProgrammeId() != null
                && holdsOnProgramme(grant.eventProgrammeId(), List.of(Role.ORGANIZER)));
    }

    public boolean holds(Role role) {
        return grants.stream().anyMatch(grant -> grant.role() == role);
    }
}
