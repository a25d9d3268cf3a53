package io.jingsai.api.security;

import static io.jingsai.api.account.Role.CHIEF_JUDGE;
import static io.jingsai.api.account.Role.JUDGE;
import static io.jingsai.api.account.Role.ORGANIZER;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.jingsai.api.account.Role;

/**
 * Who may do what: every route of the API with the roles that may call it and the scope they need, in one table.
 * The first row that matches a request decides; a request no row names is for administrators only.
 *
 * <p>Reading the table: ADMIN may do everything and is not listed. {@code anyone} includes anonymous callers (the
 * public); {@code signedIn} any account, and {@code duringPasswordChange} also one whose one-time password is still
 * to be changed (every other route answers such an account 403). {@code anywhere(…)} needs the role in any scope
 * (the shared registry of enterprises, contestants, teams and judges belongs to all organizers); {@code programme(…)}
 * and {@code event(…)} need the role on the programme or event the path names (an organizer holds every event of
 * its programmes); a caller with no grant there at all gets 404, as if it did not exist. {@code programmeFilter}
 * and {@code programmeInBody} need the role on the programme a query parameter or the JSON body names (403
 * otherwise). Account management has its own finer table in {@code account.AccountAccess}.
 */
final class AccessRules {

    private AccessRules() {
    }

    enum Scope { ANYONE, SIGNED_IN, ADMIN_ONLY, ANYWHERE, PROGRAMME_PATH, EVENT_PATH, PROGRAMME_QUERY }

    /** One row: methods × path pattern → scope, the name of the path variable or parameter, and the roles. */
    record Rule(Set<HttpMethod> methods, PathPattern path, Scope scope, String variable, List<Role> roles,
                boolean duringPasswordChange, String bodyProgrammeField) {

        boolean matches(HttpMethod method, PathContainer path) {
            HttpMethod effective = method == HttpMethod.HEAD ? GET : method;
            return methods.contains(effective) && this.path.matches(path);
        }

        Optional<String> variable(PathContainer path) {
            PathPattern.PathMatchInfo info = this.path.matchAndExtract(path);
            return Optional.ofNullable(info == null ? null : info.getUriVariables().get(variable));
        }

        boolean isPublic() {
            return scope == Scope.ANYONE;
        }
    }

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    static final List<Rule> RULES = List.of(
            // method(s)            path                                              who
            anyone(List.of(GET),    "/"),
            anyone(List.of(GET),    "/dashboard/**"),
            anyone(List.of(GET),    "/judge"),
            anyone(List.of(GET),    "/judge/**"),
            anyone(List.of(GET),    "/shared/**"),
            anyone(List.of(GET),    "/api/reference/**"),
            anyone(List.of(GET),    "/api/public/**"),
            anyone(List.of(GET),    "/actuator/health"),
            anyone(List.of(GET),    "/actuator/health/**"),
            anyone(List.of(GET),    "/actuator/info"),
            anyone(List.of(GET),    "/v3/api-docs"),
            anyone(List.of(GET),    "/v3/api-docs/**"),
            anyone(List.of(GET),    "/v3/api-docs.yaml"),
            anyone(List.of(GET),    "/swagger-ui.html"),
            anyone(List.of(GET),    "/swagger-ui/**"),
            anyone(List.of(GET),    "/webjars/**"),
            anyone(List.of(POST),   "/api/auth/token"),
            anyone(List.of(POST),   "/api/auth/refresh"),

            duringPasswordChange(List.of(POST), "/api/auth/logout"),
            duringPasswordChange(List.of(GET),  "/api/account"),
            duringPasswordChange(List.of(POST), "/api/account/password"),

            anywhere(List.of(GET, POST), "/api/accounts", ORGANIZER),
            anywhere(List.of(POST),      "/api/accounts/judges", ORGANIZER),
            anywhere(List.of(GET),       "/api/accounts/{id}", ORGANIZER),
            anywhere(List.of(POST),      "/api/accounts/{id}/password-reset", ORGANIZER),

            admin(List.of(GET, POST),    "/api/programmes"),
            programme(List.of(GET, PUT), "/api/programmes/{id}", "id", ORGANIZER),
            programme(List.of(DELETE),   "/api/programmes/{id}", "id"),
            programme(List.of(GET, POST, PUT, DELETE), "/api/programmes/{programmeId}/projects/**", "programmeId",
                    ORGANIZER),
            programme(List.of(GET),       "/api/programmes/{programmeId}/project-standings", "programmeId", ORGANIZER),
            programme(List.of(GET, POST), "/api/programmes/{programmeId}/project-evaluation/**", "programmeId",
                    ORGANIZER),
            programme(List.of(GET),       "/api/programmes/{programmeId}/star-standings", "programmeId", ORGANIZER),
            programme(List.of(GET),       "/api/programmes/{programmeId}/standings/export", "programmeId",
                    ORGANIZER),
            programme(List.of(GET),       "/api/programmes/{programmeId}/enterprise-standings", "programmeId",
                    ORGANIZER),
            programme(List.of(POST),      "/api/programmes/{programmeId}/fund-allocation", "programmeId", ORGANIZER),
            // tier history and stored fund allocations (issue 16)
            programme(List.of(GET),       "/api/programmes/{programmeId}/tier-history", "programmeId", ORGANIZER),
            programme(List.of(GET, POST), "/api/programmes/{programmeId}/fund-allocations", "programmeId", ORGANIZER),
            programme(List.of(GET),       "/api/programmes/{programmeId}/fund-allocations/**", "programmeId",
                    ORGANIZER),
            // the certificates of a closed programme's tier members
            programme(List.of(GET),       "/api/programmes/{programmeId}/certificates", "programmeId", ORGANIZER),
            programme(List.of(POST),      "/api/programmes/{programmeId}/certificates/issuance", "programmeId",
                    ORGANIZER),

            programmeFilter(List.of(GET),    "/api/events", "programmeId", ORGANIZER),
            programmeInBody(List.of(POST),   "/api/events", null, ORGANIZER),
            event(List.of(GET),              "/api/events/{id}", "id", ORGANIZER, CHIEF_JUDGE, JUDGE),
            programmeInBody(List.of(PUT),    "/api/events/{id}", "id", ORGANIZER),
            event(List.of(DELETE),           "/api/events/{id}", "id", ORGANIZER),
            event(List.of(POST),             "/api/events/{id}/transition", "id", ORGANIZER, CHIEF_JUDGE),
            event(List.of(POST),             "/api/events/{id}/reveal", "id", CHIEF_JUDGE),
            event(List.of(POST),             "/api/events/{eventId}/registrations/{id}/score-sheets", "eventId",
                    CHIEF_JUDGE, JUDGE),
            event(List.of(PUT),              "/api/events/{eventId}/registrations/{id}/score-sheets/{judgeId}",
                    "eventId", CHIEF_JUDGE, JUDGE),
            event(List.of(GET),              "/api/events/{eventId}/registrations/{id}/score-sheets/{judgeId}",
                    "eventId", ORGANIZER, CHIEF_JUDGE, JUDGE),
            event(List.of(POST),             "/api/events/{eventId}/aspects/{aspectId}/marks", "eventId",
                    CHIEF_JUDGE, JUDGE),
            event(List.of(GET),              "/api/events/{eventId}/results", "eventId", ORGANIZER, CHIEF_JUDGE),
            event(List.of(GET),              "/api/events/{eventId}/desk", "eventId", ORGANIZER, CHIEF_JUDGE),
            event(List.of(GET),              "/api/events/{eventId}/worklist", "eventId", CHIEF_JUDGE, JUDGE),
            event(List.of(GET),              "/api/events/{eventId}/results/changes", "eventId", ORGANIZER, CHIEF_JUDGE),
            event(List.of(GET),              "/api/events/{eventId}/results/export", "eventId", ORGANIZER, CHIEF_JUDGE),
            event(List.of(GET),              "/api/events/{eventId}/results/judge-sheets", "eventId", ORGANIZER,
                    CHIEF_JUDGE),
            admin(List.of(POST),             "/api/events/{eventId}/results/recomputation"),
            event(List.of(GET),              "/api/events/{eventId}/certificates", "eventId", ORGANIZER, CHIEF_JUDGE),
            event(List.of(POST),             "/api/events/{eventId}/certificates/issuance", "eventId", ORGANIZER),
            event(List.of(POST),             "/api/events/{eventId}/registrations/{id}/penalties", "eventId",
                    CHIEF_JUDGE, JUDGE),
            event(List.of(POST),             "/api/events/{eventId}/registrations/{id}/absence", "eventId",
                    ORGANIZER, CHIEF_JUDGE),
            event(List.of(GET),              "/api/events/{eventId}/penalties/**", "eventId", ORGANIZER,
                    CHIEF_JUDGE),
            event(List.of(POST),             "/api/events/{eventId}/penalties/{id}/decision", "eventId",
                    CHIEF_JUDGE),
            event(List.of(PUT),              "/api/events/{eventId}/registrations/{id}/record", "eventId", ORGANIZER,
                    CHIEF_JUDGE),
            event(List.of(GET),              "/api/events/{eventId}/registrations/**", "eventId", ORGANIZER,
                    CHIEF_JUDGE),
            event(List.of(POST, PUT, DELETE), "/api/events/{eventId}/registrations/**", "eventId", ORGANIZER),
            event(List.of(GET),              "/api/events/{eventId}/panel/assignment", "eventId", ORGANIZER,
                    CHIEF_JUDGE),
            event(List.of(POST),             "/api/events/{eventId}/panel/assignment", "eventId", ORGANIZER),
            event(List.of(GET),              "/api/events/{eventId}/panel/**", "eventId", ORGANIZER, CHIEF_JUDGE),
            event(List.of(POST),             "/api/events/{eventId}/panel/{judgeId}/conflicts", "eventId", ORGANIZER,
                    CHIEF_JUDGE),
            event(List.of(POST, PUT, DELETE), "/api/events/{eventId}/panel/**", "eventId", ORGANIZER),
            event(List.of(GET),              "/api/events/{eventId}/board", "eventId", ORGANIZER, CHIEF_JUDGE),
            event(List.of(GET),              "/api/events/{eventId}/board/freeze", "eventId", ORGANIZER,
                    CHIEF_JUDGE),
            event(List.of(POST, DELETE),     "/api/events/{eventId}/board/freeze", "eventId", ORGANIZER),

            anywhere(List.of(GET, POST, PUT), "/api/enterprises/**", ORGANIZER),
            anywhere(List.of(GET, POST, PUT), "/api/contestants/**", ORGANIZER),
            anywhere(List.of(GET, POST, PUT), "/api/teams/**", ORGANIZER),
            anywhere(List.of(GET, POST, PUT), "/api/judges/**", ORGANIZER),
            anywhere(List.of(POST, PUT),      "/api/reference/trades/**", ORGANIZER),
            anywhere(List.of(GET, POST),      "/api/imports/**", ORGANIZER),
            admin(List.of(DELETE),            "/api/enterprises/**"),
            admin(List.of(DELETE),            "/api/contestants/**"),
            admin(List.of(DELETE),            "/api/teams/**"),
            admin(List.of(DELETE),            "/api/judges/**"),
            admin(List.of(DELETE),            "/api/reference/trades/**"),

            admin(List.of(GET),               "/api/audit/**"),
            admin(List.of(GET, POST),         "/api/privacy/**"),
            admin(List.of(GET),               "/actuator/**"));

    /** The rule for a request: the first that matches, or none (then only administrators may). */
    static Optional<Rule> ruleFor(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return RULES.stream().filter(rule -> rule.matches(method, container)).findFirst();
    }

    private static Rule anyone(List<HttpMethod> methods, String path) {
        return rule(methods, path, Scope.ANYONE, null, List.of(), true, null);
    }

    private static Rule duringPasswordChange(List<HttpMethod> methods, String path) {
        return rule(methods, path, Scope.SIGNED_IN, null, List.of(), true, null);
    }

    private static Rule admin(List<HttpMethod> methods, String path) {
        return rule(methods, path, Scope.ADMIN_ONLY, null, List.of(), false, null);
    }

    private static Rule anywhere(List<HttpMethod> methods, String path, Role... roles) {
        return rule(methods, path, Scope.ANYWHERE, null, Arrays.asList(roles), false, null);
    }

    private static Rule programme(List<HttpMethod> methods, String path, String variable, Role... roles) {
        return rule(methods, path, Scope.PROGRAMME_PATH, variable, Arrays.asList(roles), false, null);
    }

    private static Rule event(List<HttpMethod> methods, String path, String variable, Role... roles) {
        return rule(methods, path, Scope.EVENT_PATH, variable, Arrays.asList(roles), false, null);
    }

    private static Rule programmeFilter(List<HttpMethod> methods, String path, String parameter, Role... roles) {
        return rule(methods, path, Scope.PROGRAMME_QUERY, parameter, Arrays.asList(roles), false, null);
    }

    /** The role on the programme the body's {@code programmeId} names, and on the event of the path, if any. */
    private static Rule programmeInBody(List<HttpMethod> methods, String path, String eventVariable, Role... roles) {
        return rule(methods, path, eventVariable == null ? Scope.ANYWHERE : Scope.EVENT_PATH, eventVariable,
                Arrays.asList(roles), false, "programmeId");
    }

    private static Rule rule(List<HttpMethod> methods, String path, Scope scope, String variable, List<Role> roles,
                             boolean duringPasswordChange, String bodyField) {
        return new Rule(Set.copyOf(methods), PARSER.parse(path), scope, variable, List.copyOf(roles),
                duringPasswordChange, bodyField);
    }

}
