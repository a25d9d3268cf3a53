package io.jingsai.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestAccounts;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.programme.RegistryFixtures;

/**
 * An event's life over HTTP: step by step, by whom, with reasons for steps back, each step in the event's audit
 * chain, and nothing written by a refused step.
 */
@IntegrationTest
class EventLifecycleTests {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    DatabaseClient database;

    WebTestClient admin;
    WebTestClient organizer;
    WebTestClient chiefJudge;
    long event;

    @BeforeEach
    void setUp() {
        admin = TestClients.administrator(anonymous);
        RegistryFixtures fixtures = new RegistryFixtures(admin, database);
        long programme = fixtures.programme();
        event = fixtures.event(RegistryFixtures.eventBody(programme, fixtures.trade(), TestIdentities.unique("钳工赛")));
        TestAccounts accounts = new TestAccounts(admin, anonymous);
        organizer = accounts.signedIn(Map.of("role", "ORGANIZER", "programmeId", programme));
        chiefJudge = accounts.signedIn(Map.of("role", "CHIEF_JUDGE", "eventId", event));
    }

    @Test
    void anOrganizerTakesTheEventThroughItsLifeAndEveryStepIsAudited() {
        move(organizer, 0, "OPEN", null).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.status").isEqualTo("OPEN");
        move(organizer, 1, "DRAFT", "报名表有误，重新发布").expectStatus().isOk();
        move(organizer, 2, "OPEN", null).expectStatus().isOk();
        move(organizer, 3, "MARKING", null).expectStatus().isOk();
        move(organizer, 4, "REVIEW", null).expectStatus().isOk();
        move(organizer, 5, "PUBLISHED", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");

        List<Map<String, Object>> steps = statusSteps();
        assertThat(steps).extracting(step -> step.get("before").toString() + " → " + step.get("after"))
                .containsExactly("{status=DRAFT} → {status=OPEN}", "{status=OPEN} → {status=DRAFT}",
                        "{status=DRAFT} → {status=OPEN}", "{status=OPEN} → {status=MARKING}",
                        "{status=MARKING} → {status=REVIEW}", "{status=REVIEW} → {status=PUBLISHED}");
        assertThat(steps).extracting(step -> step.get("reason"))
                .containsExactly(null, "报名表有误，重新发布", null, null, null, null);
        assertThat(steps).extracting(step -> step.get("subject")).containsOnly("event/" + event);
        admin.get().uri("/api/audit/chains/event-{id}/verification", event).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.intact").isEqualTo(true);
    }

    @Test
    void aStepTheStatusDoesNotAllowIsAConflictListingTheAllowedOnesAndWritesNothing() {
        move(organizer, 0, "MARKING", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("赛项 " + event + " 当前为 DRAFT，不能变为 MARKING；下一步可变为：OPEN");
        move(organizer, 0, "DRAFT", null).expectStatus().isEqualTo(409);
        admin.get().uri("/api/events/{id}", event).exchange()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.status").isEqualTo("DRAFT");
        assertThat(statusSteps()).isEmpty();
    }

    @Test
    void aStepBackNeedsAReasonAndAStaleVersionIsRefused() {
        move(organizer, 0, "OPEN", null).expectStatus().isOk();
        move(organizer, 1, "DRAFT", "  ").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("reason")
                .jsonPath("$.errors[0].rule").isEqualTo("status.stepBackReason");
        move(organizer, 0, "MARKING", null).expectStatus().isEqualTo(412);
        admin.post().uri("/api/events/{id}/transition", event).bodyValue(Map.of("status", "MARKING")).exchange()
                .expectStatus().isEqualTo(428);
        assertThat(statusSteps()).hasSize(1);
    }

    @Test
    void theChiefJudgeClosesAndReopensMarkingButTakesNoOtherStep() {
        move(chiefJudge, 0, "OPEN", null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("从 DRAFT 到 OPEN 这一步只能由组织者执行；"
                        + "裁判长只能结束评分（MARKING → REVIEW）或重新开放评分（REVIEW → MARKING）");
        move(organizer, 0, "OPEN", null).expectStatus().isOk();
        move(organizer, 1, "MARKING", null).expectStatus().isOk();

        move(chiefJudge, 2, "REVIEW", null).expectStatus().isOk();
        move(chiefJudge, 3, "MARKING", null).expectStatus().isBadRequest();
        move(chiefJudge, 3, "MARKING", "申诉成立：第 7 号工位复核").expectStatus().isOk();
        move(chiefJudge, 4, "REVIEW", null).expectStatus().isOk();
        move(chiefJudge, 5, "PUBLISHED", null).expectStatus().isForbidden();

        List<Map<String, Object>> steps = statusSteps();
        assertThat(steps).hasSize(5);
        assertThat(steps.get(3).get("reason")).isEqualTo("申诉成立：第 7 号工位复核");
        assertThat(steps.get(2).get("actor")).isEqualTo(steps.get(4).get("actor")).isNotEqualTo(steps.get(0).get("actor"));
    }

    private WebTestClient.ResponseSpec move(WebTestClient who, long version, String status, String reason) {
        Map<String, Object> body = reason == null ? Map.of("status", status) : Map.of("status", status, "reason", reason);
        return who.post().uri("/api/events/{id}/transition", event).header("If-Match", "\"" + version + "\"")
                .bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> statusSteps() {
        Map<String, Object> page = admin.get()
                .uri("/api/audit/chains/event-{id}/entries?size=200&sort=position", event).exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        List<Map<String, Object>> items = page.get("items") == null ? List.of()
                : (List<Map<String, Object>>) page.get("items");
        return items.stream().filter(entry -> "event.statusChanged".equals(entry.get("action"))).toList();
    }
}
