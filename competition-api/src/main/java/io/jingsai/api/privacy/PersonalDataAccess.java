package io.jingsai.api.privacy;

import java.security.Principal;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may see personal data in full, and who may read the record of it: the one place these decisions are made.
 * Today the administrator (the only account) may do both. When organizers get accounts scoped to their programmes,
 * {@link #requireRevealer} is where a reveal is limited to records of the caller's programmes; the reveal audit stays
 * for administrators.
 */
@Component
public class PersonalDataAccess {

    /** The administrator's role: {@code ADMIN}, and {@code ORGANIZER_ADMIN} while the single account still has it. */
    private static final Set<String> ADMINISTRATOR = Set.of("ROLE_ADMIN", "ROLE_ORGANIZER_ADMIN");

    /**
     * The name of the caller, who may see the personal data of this record in full; otherwise 403.
     *
     * @param subject what is revealed, such as {@code contestant}
     * @param recordId its id, or {@code null} for an export of many
     */
    public String requireRevealer(Principal caller, String subject, Long recordId) {
        return requireAdministrator(caller);
    }

    /** The name of the caller, who may read the reveal audit and rotate the keys; otherwise 403. */
    static String requireAdministrator(Principal caller) {
        if (caller instanceof Authentication authentication && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(ADMINISTRATOR::contains)) {
            return authentication.getName();
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
}
