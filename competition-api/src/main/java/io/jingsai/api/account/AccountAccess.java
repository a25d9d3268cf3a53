package io.jingsai.api.account;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.ExistingReferences;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.RejectedRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who may manage which accounts; the routes themselves (who may call {@code /api/accounts} at all) are in the
 * security matrix.
 *
 * <pre>
 *  caller            | may grant                              | may see               | may reset the password of
 *  ------------------+----------------------------------------+-----------------------+----------------------------
 *  ADMIN             | any role, any scope                    | every account         | every account but their own
 *  ORGANIZER of P    | CHIEF_JUDGE, JUDGE on events of P      | accounts with a grant | accounts whose every grant
 *                    |                                        | in P, and their own   | is CHIEF_JUDGE/JUDGE in P
 *  anyone signed in  | nothing                                | their own             | nobody (they change theirs)
 * </pre>
 *
 * A grant outside the caller's scope is 403 whether the event exists or not, so the answer reveals nothing; an
 * account the caller may not see is 404.
 */
@Component
class AccountAccess {

    private static final List<Role> JUDGING = List.of(Role.CHIEF_JUDGE, Role.JUDGE);

    private final AccountStore store;

    AccountAccess(AccountStore store) {
        this.store = store;
    }

    /** The grants with the programmes of their events filled in, if the caller may give them all. */
    Mono<List<Grant>> mayGrant(Caller caller, List<Grant> grants) {
        return mayGrant(caller, grants, "grants[%d].");
    }

    /** The same, for grants whose fields are named by {@code fieldFormat} (with the index; "" for a lone grant). */
    Mono<List<Grant>> mayGrant(Caller caller, List<Grant> grants, String fieldFormat) {
        List<FieldProblem> malformed = new ArrayList<>();
        for (int i = 0; i < grants.size(); i++) {
            if (!grants.get(i).wellScoped()) {
                malformed.add(FieldProblem.of(field(fieldFormat, i), "grant.scope"));
            }
        }
        if (!malformed.isEmpty()) {
            return Mono.error(new RejectedRequestException(malformed));
        }
        return Flux.range(0, grants.size())
                .concatMap(i -> resolved(caller, grants.get(i), String.format(fieldFormat, i)))
                .collectList();
    }

    private Mono<Grant> resolved(Caller caller, Grant grant, String field) {
        if (!caller.isAdmin() && !JUDGING.contains(grant.role())) {
            return Mono.error(AccessRefusedException.forbidden("account.grantRole"));
        }
        if (grant.role() == Role.ADMIN) {
            return Mono.just(grant);
        }
        if (grant.role() == Role.ORGANIZER) {
            return store.programmeExists(grant.programmeId())
                    .flatMap(exists -> exists ? Mono.just(grant) : Mono.error(RejectedRequestException.of(
                            ExistingReferences.missing(field + "programmeId", "programme", grant.programmeId()))));
        }
        return store.programmeOfEvent(grant.eventId())
                .map(programme -> Grant.of(grant.role(), grant.eventId(), programme))
                .filter(resolved -> caller.isAdmin() || caller.holdsOnProgramme(resolved.eventProgrammeId(),
                        List.of(Role.ORGANIZER)))
                .switchIfEmpty(Mono.error(() -> caller.isAdmin()
                        ? RejectedRequestException.of(ExistingReferences.missing(field + "eventId", "event",
                                grant.eventId()))
                        : AccessRefusedException.forbidden("account.grantOutsideScope", grant.eventId())));
    }

    private static String field(String format, int index) {
        String prefix = String.format(format, index);
        return prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
    }

    boolean maySee(Caller caller, long accountId, List<Grant> grants) {
        return caller.isAdmin() || caller.accountId() == accountId
                || grants.stream().anyMatch(grant -> inOrganizedProgramme(caller, grant));
    }

    boolean mayReset(Caller caller, long accountId, List<Grant> grants) {
        if (caller.accountId() == accountId) {
            return false;
        }
        return caller.isAdmin() || !grants.isEmpty() && grants.stream()
                .allMatch(grant -> JUDGING.contains(grant.role()) && inOrganizedProgramme(caller, grant));
    }

    /** The programmes whose accounts an organizer lists (all for an administrator: null). */
    List<Long> organizedProgrammes(Caller caller) {
        return caller.grants().stream().filter(grant -> grant.role() == Role.ORGANIZER)
                .map(Grant::programmeId).toList();
    }

    private static boolean inOrganizedProgramme(Caller caller, Grant grant) {
        Long programme = grant.programmeId() != null ? grant.programmeId() : grant.eventProgrammeId();
        return programme != null && caller.holdsOnProgramme(programme, List.of(Role.ORGANIZER));
    }
}
