package io.jingsai.api.privacy;

import java.security.Principal;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import io.jingsai.api.account.Caller;
import io.jingsai.api.account.Role;

/**
 * Who may see personal data in full, and who may read the record of it: the one place these decisions are made.
 * Administrators and organizers may reveal (the registry of contestants and judges is shared by all organizers, see
 * docs/security.md), always with a reason that the reveal audit keeps; judges and the public never. Only
 * administrators read the reveal audit and rotate the keys.
 */
@Component
public class PersonalDataAccess {

    /**
     * The name of the caller, who may see the personal data of this record in full; otherwise 403.
     *
     * @param subject what is revealed, such as {@code contestant}
     * @param recordId its id, or {@code null} for an export of many
     */
    public String requireRevealer(Principal caller, String subject, Long recordId) {
        return require(caller, Set.of(Role.ADMIN, Role.ORGANIZER));
    }

    /** The name of the caller, who may read the reveal audit and rotate the keys; otherwise 403. */
    static String requireAdministrator(Principal caller) {
        return require(caller, Set.of(Role.ADMIN));
    }

    private static String require(Principal caller, Set<Role> roles) {
        if (caller instanceof Authentication authentication && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof Caller signedIn
                && roles.stream().anyMatch(signedIn::holds)) {
            return authentication.getName();
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
}
