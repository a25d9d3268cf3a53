package io.jingsai.api.security;

import java.util.List;
import java.util.Optional;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.stereotype.Component;

import io.jingsai.api.account.Caller;
import io.jingsai.api.account.Role;
import io.jingsai.api.security.AccessRules.Rule;
import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.ExplainedException;
import io.jingsai.api.shared.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * Applies {@link AccessRules} to a request: finds its row, the caller's grants and the programme or event it
 * addresses, and lets it through or refuses it with the reason (a {@link Refusal} the error path words: 403 with a
 * rule key, or 404 where even existence must not show).
 */
@Component
class ScopedAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

    /** Where {@link BodyScope} leaves the programme id a JSON body names. */
    static final String BODY_PROGRAMME = ScopedAccess.class.getName() + ".bodyProgramme";

    private static final List<Role> ANY_ROLE = List.of(Role.values());

    /** An access decision the error path words: the exception says which answer. */
    static final class Refusal extends AccessDeniedException {
        private final transient ExplainedException answer;

        Refusal(ExplainedException answer) {
            super(answer.getMessage());
            this.answer = answer;
        }

        ExplainedException answer() {
            return answer;
        }
    }

    private final DatabaseClient database;

    ScopedAccess(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerHttpRequest request = context.getExchange().getRequest();
        String path = request.getPath().pathWithinApplication().value();
        Optional<Rule> found = AccessRules.ruleFor(request.getMethod(), path);
        if (found.isPresent() && found.get().isPublic()) {
            return Mono.just(new AuthorizationDecision(true));
        }
        Object bodyProgramme = context.getExchange().getAttribute(BODY_PROGRAMME);
        return authentication
                .filter(signedIn -> signedIn instanceof CallerAuthentication)
                .map(signedIn -> ((CallerAuthentication) signedIn).caller())
                .flatMap(caller -> decide(caller, found, request,
                        bodyProgramme instanceof Long id ? id : null))
                .map(allowed -> (AuthorizationResult) new AuthorizationDecision(true))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private Mono<Boolean> decide(Caller caller, Optional<Rule> found, ServerHttpRequest request, Long bodyProgramme) {
        Rule rule = found.orElse(null);
        if (caller.passwordChangeRequired() && (rule == null || !rule.duringPasswordChange())) {
            return refuse(AccessRefusedException.forbidden("access.passwordChangeRequired"));
        }
        if (rule != null && rule.scope() == AccessRules.Scope.SIGNED_IN || caller.isAdmin()) {
            return Mono.just(true);
        }
        if (rule == null || rule.scope() == AccessRules.Scope.ADMIN_ONLY) {
            return refuse(AccessRefusedException.forbidden("access.forbidden"));
        }
        PathContainer path = request.getPath().pathWithinApplication();
        return switch (rule.scope()) {
            case ANYWHERE -> holdsAnywhere(caller, rule) ? inBodyProgramme(caller, rule, bodyProgramme)
                    : refuse(AccessRefusedException.forbidden("access.forbidden"));
            case PROGRAMME_PATH -> programme(caller, rule, id(rule.variable(path)));
            case EVENT_PATH -> event(caller, rule, id(rule.variable(path)), bodyProgramme);
            case PROGRAMME_QUERY -> programmeFilter(caller, rule,
                    id(Optional.ofNullable(request.getQueryParams().getFirst(rule.variable()))));
            case ANYONE, SIGNED_IN, ADMIN_ONLY -> Mono.just(true);
        };
    }

    private Mono<Boolean> programme(Caller caller, Rule rule, Long programmeId) {
        if (programmeId == null) {
            return holdsAnywhere(caller, rule) ? Mono.just(true) : refuse(AccessRefusedException.forbidden(
                    "access.forbidden"));
        }
        if (caller.holdsOnProgramme(programmeId, rule.roles())) {
            return Mono.just(true);
        }
        return caller.reachesProgramme(programmeId) ? refuse(AccessRefusedException.forbidden("access.forbidden"))
                : refuse(new NotFoundException("programme", programmeId));
    }

    private Mono<Boolean> event(Caller caller, Rule rule, Long eventId, Long bodyProgramme) {
        if (eventId == null) {
            return holdsAnywhere(caller, rule) ? Mono.just(true) : refuse(AccessRefusedException.forbidden(
                    "access.forbidden"));
        }
        return programmeOfEvent(eventId)
                .flatMap(programme -> {
                    if (caller.holdsOnEvent(eventId, programme, rule.roles())) {
                        return inBodyProgramme(caller, rule, bodyProgramme);
                    }
                    return caller.holdsOnEvent(eventId, programme, ANY_ROLE)
                            ? refuse(AccessRefusedException.forbidden("access.forbidden"))
                            : Mono.<Boolean>empty();
                })
                .switchIfEmpty(Mono.defer(() -> refuse(new NotFoundException("event", eventId))));
    }

    private Mono<Boolean> programmeFilter(Caller caller, Rule rule, Long programmeId) {
        if (programmeId == null) {
            return refuse(AccessRefusedException.forbidden("access.programmeFilterRequired", rule.variable()));
        }
        return caller.holdsOnProgramme(programmeId, rule.roles()) ? Mono.just(true)
                : refuse(AccessRefusedException.forbidden("access.outsideProgramme", programmeId));
    }

    /** A body that names a programme must name one of the caller's; one that names none is refused later (400). */
    private static Mono<Boolean> inBodyProgramme(Caller caller, Rule rule, Long bodyProgramme) {
        if (rule.bodyProgrammeField() == null || bodyProgramme == null
                || caller.holdsOnProgramme(bodyProgramme, rule.roles())) {
            return Mono.just(true);
        }
        return refuse(AccessRefusedException.forbidden("access.outsideProgramme", bodyProgramme));
    }

    private static boolean holdsAnywhere(Caller caller, Rule rule) {
        return rule.roles().stream().anyMatch(caller::holds);
    }

    private Mono<Long> programmeOfEvent(long eventId) {
        return database.sql("SELECT programme_id FROM event WHERE id = :id").bind("id", eventId)
                .map(row -> row.get("programme_id", Long.class)).one();
    }

    /** A positive id, or null when the text is not one (the handler then refuses it as invalid input). */
    private static Long id(Optional<String> text) {
        if (text.isEmpty() || !text.get().matches("[1-9][0-9]{0,17}")) {
            return null;
        }
        return Long.parseLong(text.get());
    }

    private static Mono<Boolean> refuse(ExplainedException answer) {
        return Mono.error(new Refusal(answer));
    }
}
