package io.jingsai.api.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.programme.RegistryFixtures;

@IntegrationTest
class PanelTests {

    @Autowired
    WebTestClient anonymous;
    @Autowired
    DatabaseClient database;

    WebTestClient web;
    TestRegistry registry;
    long trade;
    long event;
    Map<String, Object> eventBody;

    @BeforeEach
    void setUp() {
        web = TestClients.administrator(anonymous);
        registry = new TestRegistry(web);
        RegistryFixtures fixtures = new RegistryFixtures(web, database);
        trade = registry.trade();
        eventBody = RegistryFixtures.eventBody(fixtures.programme(), trade, TestIdentities.unique("电工赛"));
        event = fixtures.event(eventBody);
    }

    @Test
    void anEventHasJudgesAndAtMostOneChiefJudgeAndEveryChangeIsAudited() {
        long first = judge(null);
        long second = judge(null);

        assign(first, "CHIEF_JUDGE").expectStatus().isCreated()
                .expectHeader().location("/api/events/" + event + "/panel/" + first)
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.role").isEqualTo("CHIEF_JUDGE");
        assign(second, "JUDGE").expectStatus().isCreated();
        assign(second, "JUDGE").expectStatus().isEqualTo(409);
        changeRole(second, "\"0\"", "CHIEF_JUDGE").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains(String.valueOf(first)));
        changeRole(first, null, "JUDGE").expectStatus().isEqualTo(428);
        changeRole(first, "\"0\"", "JUDGE").expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");
        changeRole(first, "\"0\"", "CHIEF_JUDGE").expectStatus().isEqualTo(412);
        changeRole(second, "\"0\"", "CHIEF_JUDGE").expectStatus().isOk();

        web.get().uri("/api/events/{e}/panel", event).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.chiefJudgeId").isEqualTo(second)
                .jsonPath("$.members.length()").isEqualTo(2)
                .jsonPath("$.members[0].judgeId").isEqualTo(first)
                .jsonPath("$.members[0].role").isEqualTo("JUDGE")
                .jsonPath("$.members[1].role").isEqualTo("CHIEF_JUDGE")
                .jsonPath("$.members[1].assignedBy").isEqualTo(IntegrationTest.ADMIN);

        remove(first, "\"0\"").expectStatus().isEqualTo(412);
        remove(first, "\"1\"").expectStatus().isNoContent();
        remove(first, "\"1\"").expectStatus().isNotFound();

        List<String> actions = database.sql("SELECT action || ' ' || subject || ' ' || COALESCE(before_state, '-') "
                        + "|| ' ' || COALESCE(after_state, '-') AS what FROM audit_entry WHERE chain = :chain "
                        + "ORDER BY position")
                .bind("chain", "event-" + event)
                .map(row -> row.get("what", String.class)).all().collectList().block();
        assertThat(actions).containsExactly(
                "panel.assigned judge/" + first + " - {\"role\":\"CHIEF_JUDGE\"}",
                "panel.assigned judge/" + second + " - {\"role\":\"JUDGE\"}",
                "panel.roleChanged judge/" + first + " {\"role\":\"CHIEF_JUDGE\"} {\"role\":\"JUDGE\"}",
                "panel.roleChanged judge/" + second + " {\"role\":\"JUDGE\"} {\"role\":\"CHIEF_JUDGE\"}",
                "panel.removed judge/" + first + " {\"role\":\"JUDGE\"} -");
        web.get().uri("/api/audit/chains/event-{e}/verification", event).exchange()
                .expectBody().jsonPath("$.intact").isEqualTo(true);
    }

    @Test
    void unknownEventsAndJudgesAreNotFoundAndTheRoleIsRequired() {
        long judge = judge(null);
        web.post().uri("/api/events/{e}/panel", 9_000_000_000_000L)
                .bodyValue(Map.of("judgeId", judge, "role", "JUDGE")).exchange().expectStatus().isNotFound();
        assign(9_000_000_000_000L, "JUDGE").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("judgeId")
                .jsonPath("$.errors[0].rule").isEqualTo("reference.missing");
        web.post().uri("/api/events/{e}/panel", event).bodyValue(Map.of("judgeId", judge)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("role");
        web.get().uri("/api/events/{e}/panel/{j}", event, judge).exchange().expectStatus().isNotFound();
        web.get().uri("/api/events/{e}/panel", event).exchange()
                .expectBody().jsonPath("$.members.length()").isEqualTo(0).jsonPath("$.chiefJudgeId").doesNotExist();
    }

    @Test
    void declaredConflictsAreRecusalsWithTheirReasonAndAreDeclaredOnce() {
        long enterprise = registry.enterprise();
        long judge = judge(null);
        long other = judge(null);
        assign(judge, "JUDGE").expectStatus().isCreated();
        long entry = register(registry.contestant(enterprise, trade));

        declare(judge, entry, "选手是该裁判的徒弟").expectStatus().isCreated()
                .expectHeader().location("/api/events/" + event + "/panel/recusals?judgeId=" + judge)
                .expectBody().jsonPath("$.cause").isEqualTo("DECLARED")
                .jsonPath("$.registrationNumber").isEqualTo(1)
                .jsonPath("$.reason").isEqualTo("选手是该裁判的徒弟");
        declare(judge, entry, "again").expectStatus().isEqualTo(409);
        declare(other, entry, "not on the panel").expectStatus().isNotFound();
        declare(judge, 9_000_000_000_000L, "no such entry").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("registrationId")
                .jsonPath("$.errors[0].rule").isEqualTo("reference.missing");
        declare(judge, entry, " ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");

        assertThat(recusals()).containsExactly(List.of(judge, entry, "DECLARED"));
        web.get().uri("/api/events/{e}/panel", event).exchange()
                .expectBody().jsonPath("$.members[0].recusals").isEqualTo(1);
    }

    @Test
    void thePanelNoLongerChangesOnceMarkingHasClosed() {
        long judge = judge(null);
        assign(judge, "JUDGE").expectStatus().isCreated();
        moveEventTo("OPEN", 0);
        moveEventTo("MARKING", 1);
        assign(judge(null), "CHIEF_JUDGE").expectStatus().isCreated();
        moveEventTo("REVIEW", 2);

        assign(judge(null), "JUDGE").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("REVIEW"));
        remove(judge, "\"0\"").expectStatus().isEqualTo(409);
    }

    /**
     * Recusal by enterprise against a brute-force model: random judges (some without an enterprise) and entrants
     * spread over three enterprises; a judge is recused from exactly the entrants of their own enterprise.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261204L, 7L, 42L})
    void judgesAreRecusedFromExactlyTheEntrantsOfTheirOwnEnterprise(long seed) {
        Random random = new Random(seed);
        List<Long> enterprises = List.of(registry.enterprise(), registry.enterprise(), registry.enterprise());
        Map<Long, Long> judgeEnterprise = new java.util.HashMap<>();
        for (int i = 0; i < 4; i++) {
            Long enterprise = random.nextInt(4) == 0 ? null : enterprises.get(random.nextInt(3));
            long judge = judge(enterprise);
            judgeEnterprise.put(judge, enterprise);
            assign(judge, "JUDGE").expectStatus().isCreated();
        }
        Map<Long, Long> entryEnterprise = new java.util.HashMap<>();
        for (int i = 0; i < 6; i++) {
            long enterprise = enterprises.get(random.nextInt(3));
            entryEnterprise.put(register(registry.contestant(enterprise, trade)), enterprise);
        }

        Set<List<Object>> expected = new HashSet<>();
        judgeEnterprise.forEach((judge, enterprise) -> entryEnterprise.forEach((entry, entrantEnterprise) -> {
            if (entrantEnterprise.equals(enterprise)) {
                expected.add(List.of(judge, entry, "OWN_ENTERPRISE"));
            }
        }));
        assertThat(recusals()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aTeamIsRecusedForItsOwnEnterpriseAndForEveryMembersEnterprise() {
        long home = registry.enterprise();
        long judge = judge(home);
        assign(judge, "JUDGE").expectStatus().isCreated();
        eventBody.put("entryKind", "TEAM");
        eventBody.put("name", TestIdentities.unique("班组赛"));
        event = new RegistryFixtures(web, database).event(eventBody);
        assign(judge, "JUDGE").expectStatus().isCreated();
        long ownTeam = registry.team(home, List.of(registry.contestant(home, trade)));
        long entry = registry.create("/api/events/" + event + "/registrations", Map.of("teamId", ownTeam));

        assertThat(recusals()).containsExactly(List.of(judge, entry, "OWN_ENTERPRISE"));
    }

    private long judge(Long enterprise) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", TestIdentities.unique("裁判"),
                "qualification", "PROVINCIAL"));
        if (enterprise != null) {
            body.put("enterpriseId", enterprise);
        }
        return registry.create("/api/judges", body);
    }

    private long register(long contestant) {
        return registry.create("/api/events/" + event + "/registrations", Map.of("contestantId", contestant));
    }

    private WebTestClient.ResponseSpec assign(long judge, String role) {
        return web.post().uri("/api/events/{e}/panel", event).bodyValue(Map.of("judgeId", judge, "role", role))
                .exchange();
    }

    private WebTestClient.ResponseSpec changeRole(long judge, String ifMatch, String role) {
        return web.put().uri("/api/events/{e}/panel/{j}", event, judge)
                .headers(h -> {
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                })
                .bodyValue(Map.of("role", role)).exchange();
    }

    private WebTestClient.ResponseSpec remove(long judge, String ifMatch) {
        return web.delete().uri("/api/events/{e}/panel/{j}", event, judge).header("If-Match", ifMatch).exchange();
    }

    private WebTestClient.ResponseSpec declare(long judge, long registration, String reason) {
        return web.post().uri("/api/events/{e}/panel/{j}/conflicts", event, judge)
                .bodyValue(Map.of("registrationId", registration, "reason", reason)).exchange();
    }

    private List<List<Object>> recusals() {
        List<Map<String, Object>> found = web.get().uri("/api/events/{e}/panel/recusals", event).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        List<List<Object>> recusals = new ArrayList<>();
        for (Map<String, Object> recusal : found) {
            recusals.add(List.of(((Number) recusal.get("judgeId")).longValue(),
                    ((Number) recusal.get("registrationId")).longValue(), recusal.get("cause")));
        }
        return recusals;
    }

    private void moveEventTo(String status, long version) {
        web.post().uri("/api/events/{id}/transition", event).header("If-Match", "\"" + version + "\"")
                .bodyValue(Map.of("status", status)).exchange().expectStatus().isOk();
    }
}
