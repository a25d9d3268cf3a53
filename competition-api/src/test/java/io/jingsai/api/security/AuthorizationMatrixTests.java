package io.jingsai.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestAccounts;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.programme.RegistryFixtures;

/**
 * Every route of the application (read from the handler mappings, so a new route without a row here fails) × every
 * kind of caller, with the exact status each must get. Allowed writes are sent an empty body (400), or no If-Match
 * (428), so that the matrix changes nothing; reads name real fixtures (200). A refusal is 401 (anonymous), 403 (a
 * role or scope that may not), or 404 (the programme or event is outside everything the caller holds).
 *
 * <p>The expected statuses below are the specification, written by hand from docs/security.md; they do not come
 * from {@code AccessRules}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    /** The callers, in the order of the columns below. */
    enum Who { ADMIN, ORGANIZER_HERE, ORGANIZER_ELSEWHERE, CHIEF_JUDGE_HERE, JUDGE_HERE, JUDGE_ELSEWHERE, ANONYMOUS }

    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    private static void expect(String route, int... statuses) {
        assertThat(statuses).as(route).hasSize(Who.values().length);
        EXPECTED.put(route, statuses);
    }

    static {
        //                                                               admin orgH orgE chfH jdgH jdgE anon
        // The dashboard's page; its assets are checked by theDashboardAndItsAssetsAreForEveryone.
        expect("GET /",                                                  200, 200, 200, 200, 200, 200, 200);
        // The judges' page; its assets are checked by theJudgePageAndItsAssetsAreForEveryone (the API checks the rest).
        expect("GET /judge",                                             200, 200, 200, 200, 200, 200, 200);
        expect("GET /api/reference/aspects",                             200, 200, 200, 200, 200, 200, 200);
        expect("GET /api/reference/trades",                              200, 200, 200, 200, 200, 200, 200);
        expect("GET /api/reference/trades/{id}",                         200, 200, 200, 200, 200, 200, 200);
        expect("POST /api/reference/trades",                             400, 400, 400, 403, 403, 403, 401);
        expect("PUT /api/reference/trades/{id}",                         400, 400, 400, 403, 403, 403, 401);
        expect("DELETE /api/reference/trades/{id}",                      428, 403, 403, 403, 403, 403, 401);

        expect("POST /api/auth/token",                                   400, 400, 400, 400, 400, 400, 400);
        expect("POST /api/auth/refresh",                                 400, 400, 400, 400, 400, 400, 400);
        expect("POST /api/auth/logout",                                  204, 204, 204, 204, 204, 204, 401);
        expect("GET /api/account",                                       200, 200, 200, 200, 200, 200, 401);
        expect("POST /api/account/password",                              400, 400, 400, 400, 400, 400, 401);
        expect("POST /api/accounts",                                     400, 400, 400, 403, 403, 403, 401);
        expect("POST /api/accounts/judges",                              400, 400, 400, 403, 403, 403, 401);
        expect("GET /api/accounts",                                      200, 200, 200, 403, 403, 403, 401);
        // The account of the judge here: an organizer of another programme may not see it.
        expect("GET /api/accounts/{id}",                                 200, 200, 404, 403, 403, 403, 401);
        // An account that does not exist: nothing is reset.
        expect("POST /api/accounts/{id}/password-reset",                 404, 404, 404, 403, 403, 403, 401);

        expect("POST /api/programmes",                                   400, 403, 403, 403, 403, 403, 401);
        expect("GET /api/programmes",                                    200, 403, 403, 403, 403, 403, 401);
        expect("GET /api/programmes/{id}",                               200, 200, 404, 403, 403, 404, 401);
        expect("PUT /api/programmes/{id}",                               400, 400, 404, 403, 403, 404, 401);
        expect("DELETE /api/programmes/{id}",                            428, 403, 404, 403, 403, 404, 401);
        expect("GET /api/programmes/{programmeId}/projects",             200, 200, 404, 403, 403, 404, 401);
        expect("POST /api/programmes/{programmeId}/projects",            400, 400, 404, 403, 403, 404, 401);
        expect("GET /api/programmes/{programmeId}/projects/{id}",        200, 200, 404, 403, 403, 404, 401);
        expect("PUT /api/programmes/{programmeId}/projects/{id}",        400, 400, 404, 403, 403, 404, 401);
        expect("DELETE /api/programmes/{programmeId}/projects/{id}",     428, 428, 404, 403, 403, 404, 401);
        expect("GET /api/programmes/{programmeId}/projects/{id}/evaluation", 200, 200, 404, 403, 403, 404, 401);
        expect("PUT /api/programmes/{programmeId}/projects/{id}/evaluation", 400, 400, 404, 403, 403, 404, 401);
        expect("GET /api/programmes/{programmeId}/project-evaluation",   200, 200, 404, 403, 403, 404, 401);
        expect("POST /api/programmes/{programmeId}/project-evaluation/transition", 400, 400, 404, 403, 403, 404, 401);
        expect("GET /api/programmes/{programmeId}/project-standings",    200, 200, 404, 403, 403, 404, 401);
        expect("GET /api/programmes/{programmeId}/star-standings",       200, 200, 404, 403, 403, 404, 401);
        expect("GET /api/programmes/{programmeId}/standings/export",     200, 200, 404, 403, 403, 404, 401);
        expect("POST /api/programmes/{programmeId}/fund-allocation",     400, 400, 404, 403, 403, 404, 401);
        // the enterprises board (万家企业)
        expect("GET /api/programmes/{programmeId}/enterprise-standings", 200, 200, 404, 403, 403, 404, 401);
        // Tier history and stored fund allocations (issue 16); the programme here has no allocation {number}: 404.
        expect("GET /api/programmes/{programmeId}/tier-history",         200, 200, 404, 403, 403, 404, 401);
        expect("GET /api/programmes/{programmeId}/fund-allocations",     200, 200, 404, 403, 403, 404, 401);
        expect("POST /api/programmes/{programmeId}/fund-allocations",    400, 400, 404, 403, 403, 404, 401);
        // Tier certificates: none before the programme closes; the programme here is not CLOSED, so none to issue.
        expect("GET /api/programmes/{programmeId}/certificates",         200, 200, 404, 403, 403, 404, 401);
        expect("POST /api/programmes/{programmeId}/certificates/issuance", 409, 409, 404, 403, 403, 404, 401);
        expect("GET /api/programmes/{programmeId}/fund-allocations/{number}", 404, 404, 404, 403, 403, 404, 401);
        expect("GET /api/programmes/{programmeId}/fund-allocations/{number}/export",
                                                                         404, 404, 404, 403, 403, 404, 401);

        // Listed with programmeId=<here>; POST and PUT name the programme here in their body.
        expect("GET /api/events",                                        200, 200, 403, 403, 403, 403, 401);
        expect("POST /api/events",                                       400, 400, 403, 403, 403, 403, 401);
        expect("GET /api/events/{id}",                                   200, 200, 404, 200, 200, 404, 401);
        expect("PUT /api/events/{id}",                                   400, 400, 404, 403, 403, 404, 401);
        expect("DELETE /api/events/{id}",                                428, 428, 404, 403, 403, 404, 401);
        expect("POST /api/events/{id}/transition",                       400, 400, 404, 400, 403, 404, 401);
        // Revealing a blind event's identities: only its chief judge (the event here is not blind: 409).
        expect("POST /api/events/{id}/reveal",                           403, 403, 404, 409, 403, 404, 401);
        expect("GET /api/events/{eventId}/registrations",                200, 200, 404, 200, 403, 404, 401);
        expect("POST /api/events/{eventId}/registrations",               400, 400, 404, 403, 403, 404, 401);
        expect("GET /api/events/{eventId}/registrations/export",         200, 200, 404, 200, 403, 404, 401);
        expect("GET /api/events/{eventId}/registrations/{id}",           200, 200, 404, 200, 403, 404, 401);
        expect("PUT /api/events/{eventId}/registrations/{id}",           400, 400, 404, 403, 403, 404, 401);
        expect("POST /api/events/{eventId}/registrations/{id}/withdrawal", 400, 400, 404, 403, 403, 404, 401);
        expect("DELETE /api/events/{eventId}/registrations/{id}",        428, 428, 404, 403, 403, 404, 401);
        // The judge of the registry is not on the panel: reads of that member are 404 where they are allowed.
        expect("GET /api/events/{eventId}/panel",                        200, 200, 404, 200, 403, 404, 401);
        expect("GET /api/events/{eventId}/panel/recusals",               200, 200, 404, 200, 403, 404, 401);
        expect("POST /api/events/{eventId}/panel",                       400, 400, 404, 403, 403, 404, 401);
        // The event here has no automatic assignment: read as such; made, it needs a seed.
        expect("GET /api/events/{eventId}/panel/assignment",             200, 200, 404, 200, 403, 404, 401);
        expect("POST /api/events/{eventId}/panel/assignment",            400, 400, 404, 403, 403, 404, 401);
        expect("GET /api/events/{eventId}/panel/{judgeId}",              404, 404, 404, 404, 403, 404, 401);
        expect("PUT /api/events/{eventId}/panel/{judgeId}",              400, 400, 404, 403, 403, 404, 401);
        expect("DELETE /api/events/{eventId}/panel/{judgeId}",           428, 428, 404, 403, 403, 404, 401);
        expect("POST /api/events/{eventId}/panel/{judgeId}/conflicts",   400, 400, 404, 400, 403, 404, 401);

        // Marks: the judge here has an account of no registry judge, so it never marks and reads no sheet; nothing is
        // marked, so there is no sheet nor result to read.
        expect("POST /api/events/{eventId}/registrations/{id}/score-sheets", 400, 403, 404, 400, 400, 404, 401);
        expect("GET /api/events/{eventId}/registrations/{id}/score-sheets/{judgeId}",
                                                                         404, 404, 404, 404, 403, 404, 401);
        expect("PUT /api/events/{eventId}/registrations/{id}/score-sheets/{judgeId}",
                                                                         400, 403, 404, 400, 400, 404, 401);
        // One aspect's marks across entries: the same as a sheet (an empty body is 400 where it is allowed).
        expect("POST /api/events/{eventId}/aspects/{aspectId}/marks",    400, 403, 404, 400, 400, 404, 401);
        // Officials' records: nothing recorded yet (404 where allowed), and a change without its Idempotency-Key.
        expect("GET /api/events/{eventId}/registrations/{id}/record",    404, 404, 404, 404, 403, 404, 401);
        expect("PUT /api/events/{eventId}/registrations/{id}/record",    400, 400, 404, 400, 403, 404, 401);
        expect("GET /api/events/{eventId}/registrations/{id}/result",    404, 404, 404, 404, 403, 404, 401);
        expect("GET /api/events/{eventId}/results",                      200, 200, 404, 200, 403, 404, 401);
        expect("GET /api/events/{eventId}/desk",                         200, 200, 404, 200, 403, 404, 401);
        expect("GET /api/events/{eventId}/worklist",                     403, 403, 404, 403, 403, 404, 401);
        expect("GET /api/events/{eventId}/results/changes",              200, 200, 404, 200, 403, 404, 401);
        expect("GET /api/events/{eventId}/results/export",               200, 200, 404, 200, 403, 404, 401);
        expect("GET /api/events/{eventId}/results/judge-sheets",         200, 200, 404, 200, 403, 404, 401);
        expect("POST /api/events/{eventId}/results/recomputation",       200, 403, 403, 403, 403, 403, 401);
        expect("GET /api/public/events",                                 200, 200, 200, 200, 200, 200, 200);
        // Deductions and disqualifications: judges record them, only the chief judge decides (the one here is on no
        // panel, so the service refuses it once the body is valid); there is no penalty to read.
        expect("POST /api/events/{eventId}/registrations/{id}/penalties", 400, 403, 404, 400, 400, 404, 401);
        expect("GET /api/events/{eventId}/penalties",                    200, 200, 404, 200, 403, 404, 401);
        expect("GET /api/events/{eventId}/penalties/{id}",               404, 404, 404, 404, 403, 404, 401);
        expect("POST /api/events/{eventId}/penalties/{id}/decision",     400, 403, 404, 400, 403, 404, 401);
        expect("POST /api/events/{eventId}/registrations/{id}/absence",  400, 400, 404, 400, 403, 404, 401);
        // Public boards open at MARKING; the event here is a DRAFT, so for everyone as if it did not exist.
        expect("GET /api/public/events/{eventId}/board",                 404, 404, 404, 404, 404, 404, 404);
        expect("GET /api/public/events/{eventId}/board/top",             404, 404, 404, 404, 404, 404, 404);
        expect("GET /api/public/events/{eventId}/board/around/{registrationNumber}",
                                                                         404, 404, 404, 404, 404, 404, 404);
        expect("GET /api/public/events/{eventId}/board/stream",          404, 404, 404, 404, 404, 404, 404);
        // The live board and its freeze (封榜): an event before MARKING has an empty board and cannot be frozen (409);
        // releasing needs If-Match (428).
        expect("GET /api/events/{eventId}/board",                        200, 200, 404, 200, 403, 404, 401);
        expect("GET /api/events/{eventId}/board/freeze",                 200, 200, 404, 200, 403, 404, 401);
        expect("POST /api/events/{eventId}/board/freeze",                409, 409, 404, 403, 403, 404, 401);
        expect("DELETE /api/events/{eventId}/board/freeze",              428, 428, 404, 403, 403, 404, 401);
        // Public programme boards: the list for everyone; the programme here has only a DRAFT event, so its
        // overview, star, project and enterprise boards are, for everyone, as if it did not exist.
        expect("GET /api/public/programmes",                             200, 200, 200, 200, 200, 200, 200);
        expect("GET /api/public/programmes/{programmeId}",               404, 404, 404, 404, 404, 404, 404);
        expect("GET /api/public/programmes/{programmeId}/stars",         404, 404, 404, 404, 404, 404, 404);
        expect("GET /api/public/programmes/{programmeId}/stars/top",     404, 404, 404, 404, 404, 404, 404);
        expect("GET /api/public/programmes/{programmeId}/stars/around/{contestantId}",
                                                                         404, 404, 404, 404, 404, 404, 404);
        expect("GET /api/public/programmes/{programmeId}/stars/stream",  404, 404, 404, 404, 404, 404, 404);
        expect("GET /api/public/programmes/{programmeId}/projects",      404, 404, 404, 404, 404, 404, 404);
        expect("GET /api/public/programmes/{programmeId}/projects/around/{projectId}",
                                                                         404, 404, 404, 404, 404, 404, 404);
        expect("GET /api/public/programmes/{programmeId}/enterprises",   404, 404, 404, 404, 404, 404, 404);
        expect("GET /api/public/programmes/{programmeId}/enterprises/around/{enterpriseId}",
                                                                         404, 404, 404, 404, 404, 404, 404);
        // A contestant's own result: asked without its verification code, for everyone a 400 naming code.
        expect("GET /api/public/events/{eventId}/results/{registrationNumber}",
                                                                         400, 400, 400, 400, 400, 400, 400);
        // Certificates: checked by anyone (none has this number); the event here is a DRAFT, so none to issue (409).
        expect("GET /api/public/certificates/{number}",                  404, 404, 404, 404, 404, 404, 404);
        expect("GET /api/events/{eventId}/certificates",                 200, 200, 404, 200, 403, 404, 401);
        expect("POST /api/events/{eventId}/certificates/issuance",       409, 409, 404, 403, 403, 404, 401);

        // The chain of the event here, which the fixtures' withdrawal began.
        expect("GET /api/audit/chains",                                  200, 403, 403, 403, 403, 403, 401);
        expect("GET /api/audit/chains/{chain}",                          200, 403, 403, 403, 403, 403, 401);
        expect("GET /api/audit/chains/{chain}/entries",                  200, 403, 403, 403, 403, 403, 401);
        expect("GET /api/audit/chains/{chain}/verification",             200, 403, 403, 403, 403, 403, 401);
        expect("GET /api/privacy/reveals",                               200, 403, 403, 403, 403, 403, 401);
        // Rotating changes nothing when every value is sealed under the active key already.
        expect("POST /api/privacy/key-rotation",                         200, 403, 403, 403, 403, 403, 401);

        for (String registry : List.of("enterprises", "contestants", "teams", "judges")) {
            expect("GET /api/" + registry,                               200, 200, 200, 403, 403, 403, 401);
            expect("POST /api/" + registry,                              400, 400, 400, 403, 403, 403, 401);
            expect("GET /api/" + registry + "/{id}",                     200, 200, 200, 403, 403, 403, 401);
            expect("PUT /api/" + registry + "/{id}",                     400, 400, 400, 403, 403, 403, 401);
            expect("DELETE /api/" + registry + "/{id}",                  428, 403, 403, 403, 403, 403, 401);
        }
        expect("GET /api/contestants/export",                            200, 200, 200, 403, 403, 403, 401);
        expect("GET /api/imports/{kind}/template",                       200, 200, 200, 403, 403, 403, 401);
        expect("POST /api/imports/{kind}",                               415, 415, 415, 403, 403, 403, 401);
        expect("GET /api/imports/jobs/{id}",                             404, 404, 404, 403, 403, 403, 401);

        expect("GET /actuator",                                          200, 403, 403, 403, 403, 403, 401);
        expect("GET /actuator/health",                                   200, 200, 200, 200, 200, 200, 200);
        expect("GET /actuator/health/**",                                200, 200, 200, 200, 200, 200, 200);
        expect("GET /actuator/info",                                     200, 200, 200, 200, 200, 200, 200);
        expect("GET /actuator/prometheus",                               200, 403, 403, 403, 403, 403, 401);
        expect("GET /v3/api-docs",                                       200, 200, 200, 200, 200, 200, 200);
        expect("GET /v3/api-docs.yaml",                                  200, 200, 200, 200, 200, 200, 200);
        expect("GET /v3/api-docs/swagger-config",                        200, 200, 200, 200, 200, 200, 200);
        expect("GET /swagger-ui.html",                                   302, 302, 302, 302, 302, 302, 302);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    ApplicationContext context;

    private final Map<Who, WebTestClient> clients = new LinkedHashMap<>();
    private final Map<String, Object> ids = new LinkedHashMap<>();

    @BeforeAll
    void fixtures() {
        WebTestClient admin = TestClients.administrator(web);
        TestRegistry registry = new TestRegistry(admin);
        long enterprise = registry.enterprise();
        long trade = registry.trade();
        long contestant = registry.contestant(enterprise, trade);
        long here = registry.create("/api/programmes", RegistryFixtures.programmeBody(TestIdentities.unique("矩阵此处")));
        long elsewhere = registry.create("/api/programmes",
                RegistryFixtures.programmeBody(TestIdentities.unique("矩阵别处")));
        long event = registry.create("/api/events", RegistryFixtures.eventBody(here, trade,
                TestIdentities.unique("矩阵赛项")));
        long otherEvent = registry.create("/api/events", RegistryFixtures.eventBody(elsewhere, trade,
                TestIdentities.unique("矩阵别处赛项")));
        long judge = registry.create("/api/judges", Map.of("name", TestIdentities.unique("裁判"),
                "qualification", "PROVINCIAL"));
        ids.put("programme", here);
        ids.put("event", event);
        ids.put("trade", trade);
        ids.put("enterprise", enterprise);
        ids.put("contestant", contestant);
        ids.put("team", registry.team(enterprise, List.of(contestant)));
        ids.put("judge", judge);
        ids.put("project", registry.create("/api/programmes/" + here + "/projects",
                RegistryFixtures.projectBody(TestIdentities.unique("矩阵项目"), enterprise)));
        ids.put("registration", registry.create("/api/events/" + event + "/registrations",
                Map.of("contestantId", registry.contestant(enterprise, trade))));
        long withdrawn = registry.create("/api/events/" + event + "/registrations",
                Map.of("contestantId", registry.contestant(enterprise, trade)));
        admin.post().uri("/api/events/{e}/registrations/{id}/withdrawal", event, withdrawn).header("If-Match", "\"0\"")
                .bodyValue(Map.of("reason", "矩阵：开始赛项的审计链")).exchange().expectStatus().isOk();

        TestAccounts accounts = new TestAccounts(admin, web);
        clients.put(Who.ADMIN, admin);
        clients.put(Who.ORGANIZER_HERE, accounts.signedIn(Map.of("role", "ORGANIZER", "programmeId", here)));
        clients.put(Who.ORGANIZER_ELSEWHERE, accounts.signedIn(Map.of("role", "ORGANIZER", "programmeId", elsewhere)));
        clients.put(Who.CHIEF_JUDGE_HERE, accounts.signedIn(Map.of("role", "CHIEF_JUDGE", "eventId", event)));
        TestAccounts.Created judgeHere = accounts.create(Map.of("role", "JUDGE", "eventId", event));
        ids.put("judgeAccount", judgeHere.id());
        clients.put(Who.JUDGE_HERE, accounts.signIn(judgeHere));
        clients.put(Who.JUDGE_ELSEWHERE, accounts.signedIn(Map.of("role", "JUDGE", "eventId", otherEvent)));
        clients.put(Who.ANONYMOUS, TestClients.anonymous(web));
    }

    @Test
    void everyRouteHasARuleAndAnswersEachCallerExactlyAsSpecified() {
        List<String> routes = routes();
        assertThat(routes).as("the handler mappings were read").hasSizeGreaterThan(50);
        assertThat(new TreeSet<>(routes)).as("every route of the application has a row in this matrix")
                .isSubsetOf(EXPECTED.keySet());
        assertThat(EXPECTED.keySet()).as("every row of the matrix is a route of the application")
                .isSubsetOf(new TreeSet<>(routes));

        List<String> wrong = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String pattern = route.substring(route.indexOf(' ') + 1);
            String path = concrete(pattern);
            if (AccessRules.ruleFor(HttpMethod.valueOf(method), path.replaceAll("\\?.*", "")).isEmpty()
                    && !route.equals("GET /actuator")) {
                wrong.add(route + ": no row of AccessRules covers it");
            }
            int[] expected = EXPECTED.get(route);
            for (Who who : Who.values()) {
                int status = send(clients.get(who), method, pattern, path);
                if (status != expected[who.ordinal()]) {
                    wrong.add(route + " as " + who + ": " + status + ", expected " + expected[who.ordinal()]);
                }
            }
        }
        assertThat(wrong).as("answers that differ from the matrix").isEmpty();
    }

    /**
     * The dashboard's files (served as resources, which the handler mappings do not list as routes), the files it
     * shares with the judges' page and the WebJar it loads ECharts from: for every caller, signed in or not.
     */
    @Test
    void theDashboardAndItsAssetsAreForEveryone() {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/", "/dashboard/dashboard.css", "/dashboard/js/main.js", "/dashboard/favicon.svg",
                "/dashboard/js/i18n.js", "/dashboard/js/programme.js", "/dashboard/js/poll.js", "/dashboard/js/stars.js",
                "/dashboard/js/tier-boards.js", "/dashboard/js/lookup.js", "/shared/js/i18n.js",
                "/webjars/echarts/dist/echarts.esm.min.js")) {
            for (Who who : Who.values()) {
                int status = send(clients.get(who), "GET", path, path);
                if (status != 200) {
                    wrong.add("GET " + path + " as " + who + ": " + status);
                }
            }
        }
        assertThat(wrong).as("dashboard files refused").isEmpty();
        assertThat(send(clients.get(Who.ANONYMOUS), "GET", "/dashboard/no-such-file.js", "/dashboard/no-such-file.js"))
                .as("a file the dashboard does not have").isEqualTo(404);
        assertThat(send(clients.get(Who.ANONYMOUS), "GET", "/shared/no-such-file.js", "/shared/no-such-file.js"))
                .as("a file the pages do not share").isEqualTo(404);
    }

    /** The judges' page and its files: code only, for every caller; what it shows comes from the API, checked there. */
    @Test
    void theJudgePageAndItsAssetsAreForEveryone() {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/judge", "/judge/judge.css", "/judge/js/main.js", "/judge/js/api.js",
                "/judge/js/sheet.js", "/judge/js/desk.js", "/judge/js/i18n.js", "/judge/js/drafts.js",
                "/shared/js/i18n.js")) {
            for (Who who : Who.values()) {
                int status = send(clients.get(who), "GET", path, path);
                if (status != 200) {
                    wrong.add("GET " + path + " as " + who + ": " + status);
                }
            }
        }
        assertThat(wrong).as("judge page files refused").isEmpty();
        assertThat(send(clients.get(Who.ANONYMOUS), "GET", "/judge/no-such-file.js", "/judge/no-such-file.js"))
                .as("a file the judge page does not have").isEqualTo(404);
        assertThat(send(clients.get(Who.ANONYMOUS), "POST", "/judge", "/judge"))
                .as("the page is only read").isEqualTo(401);
    }

    private int send(WebTestClient client, String method, String pattern, String path) {
        WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(path);
        WebTestClient.RequestHeadersSpec<?> sent = request;
        if (method.equals("POST") || method.equals("PUT")) {
            Object body = pattern.equals("/api/events") || pattern.equals("/api/events/{id}")
                    ? Map.of("programmeId", ids.get("programme")) : Map.of();
            sent = request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        }
        // The body is released unread: only the status matters, and some answers (metrics, API documents) grow
        // past the client's in-memory limit as routes and the suite's metrics grow.
        return sent.exchange().expectBody(Void.class).returnResult().getStatus().value();
    }

    /** The pattern with its variables set to the fixtures (and the events list filtered to the programme here). */
    private String concrete(String pattern) {
        String path = pattern
                .replace("/api/programmes/{programmeId}/projects/{id}", "/api/programmes/" + ids.get("programme")
                        + "/projects/" + ids.get("project"))
                .replace("{programmeId}", String.valueOf(ids.get("programme")))
                .replace("/api/programmes/{id}", "/api/programmes/" + ids.get("programme"))
                .replace("/registrations/{id}", "/registrations/" + ids.get("registration"))
                .replace("/penalties/{id}", "/penalties/987654321987")
                .replace("{judgeId}", String.valueOf(ids.get("judge")))
                .replace("{contestantId}", String.valueOf(ids.get("contestant")))
                .replace("{projectId}", String.valueOf(ids.get("project")))
                .replace("{enterpriseId}", String.valueOf(ids.get("enterprise")))
                .replace("{aspectId}", "P1b")
                .replace("{chain}", "event-" + ids.get("event"))
                .replace("{eventId}", String.valueOf(ids.get("event")))
                .replace("/api/events/{id}", "/api/events/" + ids.get("event"))
                .replace("/api/reference/trades/{id}", "/api/reference/trades/" + ids.get("trade"))
                .replace("/api/enterprises/{id}", "/api/enterprises/" + ids.get("enterprise"))
                .replace("/api/contestants/{id}", "/api/contestants/" + ids.get("contestant"))
                .replace("/api/teams/{id}", "/api/teams/" + ids.get("team"))
                .replace("/api/judges/{id}", "/api/judges/" + ids.get("judge"))
                .replace("/api/accounts/{id}/password-reset", "/api/accounts/987654321987/password-reset")
                .replace("/api/accounts/{id}", "/api/accounts/" + ids.get("judgeAccount"))
                .replace("{registrationNumber}", "1")
                .replace("/certificates/{number}", "/certificates/2025-0001-0001-NOSUCH00")
                .replace("{kind}", "enterprises")
                .replace("{number}", "1")
                .replace("/jobs/{id}", "/jobs/" + UUID.randomUUID())
                .replace("/actuator/health/**", "/actuator/health/liveness");
        assertThat(path).as(pattern).doesNotContain("{");
        return pattern.equals("/api/events") ? path + "?programmeId=" + ids.get("programme") : path;
    }

    /** Every route of every handler mapping, as "METHOD pattern" (HEAD and OPTIONS follow GET and are left out). */
    private List<String> routes() {
        Set<String> routes = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> add(routes, info)));
        context.getBeansOfType(RouterFunctionMapping.class).values().stream()
                .map(RouterFunctionMapping::getRouterFunction)
                .filter(java.util.Objects::nonNull)
                .forEach(function -> function.accept(new Routes(routes)));
        return new ArrayList<>(routes);
    }

    private static void add(Set<String> routes, RequestMappingInfo info) {
        Set<String> methods = new TreeSet<>();
        info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
        if (methods.isEmpty()) {
            methods.add("GET");
        }
        for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
            String text = pattern.getPatternString().replace("{*path}", "**");
            methods.stream().filter(method -> !method.equals("HEAD") && !method.equals("OPTIONS"))
                    .forEach(method -> routes.add(method + " " + text));
        }
    }

    /** Reads the GET routes of router functions (the root redirect). */
    private static final class Routes implements RouterFunctions.Visitor, RequestPredicates.Visitor {
        private final Set<String> routes;
        private final List<String> methods = new ArrayList<>();
        private final List<String> paths = new ArrayList<>();

        Routes(Set<String> routes) {
            this.routes = routes;
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            methods.clear();
            paths.clear();
            predicate.accept(this);
            for (String method : methods) {
                if (!method.equals("HEAD")) {
                    paths.forEach(path -> routes.add(method + " " + path));
                }
            }
        }

        @Override public void startNested(RequestPredicate predicate) { }
        @Override public void endNested(RequestPredicate predicate) { }
        @Override public void resources(java.util.function.Function<org.springframework.web.reactive.function.server.ServerRequest, reactor.core.publisher.Mono<org.springframework.core.io.Resource>> lookupFunction) { }
        @Override public void attributes(Map<String, Object> attributes) { }
        @Override public void unknown(RouterFunction<?> routerFunction) { }
        @Override public void method(Set<HttpMethod> httpMethods) { httpMethods.forEach(m -> methods.add(m.name())); }
        @Override public void path(String pattern) { paths.add(pattern); }
        @Override public void pathExtension(String extension) { }
        @Override public void header(String name, String value) { }
        @Override public void queryParam(String name, String value) { }
        @Override public void version(String version) { }
        @Override public void startAnd() { }
        @Override public void and() { }
        @Override public void endAnd() { }
        @Override public void startOr() { }
        @Override public void or() { }
        @Override public void endOr() { }
        @Override public void startNegate() { }
        @Override public void endNegate() { }
        @Override public void unknown(RequestPredicate predicate) { }
    }
}
