package io.jingsai.api.boards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;

/**
 * {@code GET /api/public/events}, the dashboard's choice of events: anonymous, only events whose boards are public
 * (from MARKING on), newest first, and nothing of an event but its id, name, trade and status.
 */
@IntegrationTest
class PublicEventListTests {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    @Test
    @SuppressWarnings("unchecked")
    void listsEventsFromMarkingOnNewestFirstWithNothingButNameTradeAndStatus() {
        BoardFixtures draft = new BoardFixtures(web, database);
        BoardFixtures open = new BoardFixtures(web, database);
        open.move("OPEN");
        BoardFixtures older = new BoardFixtures(web, database);
        older.startMarking();
        BoardFixtures newer = new BoardFixtures(web, database);
        newer.startMarking();

        Map<String, Object> page = TestClients.anonymous(web).get().uri("/api/public/events?size=200").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=5, public")
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        List<Long> ids = items.stream().map(item -> ((Number) item.get("id")).longValue()).toList();
        assertThat(ids).contains(older.event, newer.event).doesNotContain(draft.event, open.event);
        assertThat(ids.indexOf(newer.event)).as("newest first").isLessThan(ids.indexOf(older.event));
        assertThat(ids).as("newest first, throughout").isSortedAccordingTo((a, b) -> Long.compare(b, a));
        Map<String, Object> listed = items.get(ids.indexOf(newer.event));
        assertThat(listed).containsOnlyKeys("id", "name", "tradeId", "tradeName", "tradeNameEn", "status")
                .containsEntry("status", "MARKING");
        assertThat((String) listed.get("name")).startsWith("榜单赛项");
        assertThat((String) listed.get("tradeNameEn")).isNotBlank();
        assertThat(((Number) page.get("total")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(page).containsEntry("page", 0).containsEntry("size", 200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagesDoNotOverlapAndCountEveryPublicEvent() {
        new BoardFixtures(web, database).startMarking();
        new BoardFixtures(web, database).startMarking();
        WebTestClient anonymous = TestClients.anonymous(web);
        Map<String, Object> first = anonymous.get().uri("/api/public/events?size=1").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> second = anonymous.get().uri("/api/public/events?size=1&page=1").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Object firstId = ((List<Map<String, Object>>) first.get("items")).get(0).get("id");
        Object secondId = ((List<Map<String, Object>>) second.get("items")).get(0).get("id");
        assertThat(((Number) firstId).longValue()).isGreaterThan(((Number) secondId).longValue());
        long counted = database.sql("SELECT COUNT(*) AS n FROM event WHERE status IN ('MARKING', 'REVIEW', "
                + "'PUBLISHED') AND (NOT blind OR identities_revealed_at IS NOT NULL)")
                .map(row -> row.get("n", Long.class)).one().block();
        assertThat(((Number) second.get("total")).longValue())
                .as("every event from MARKING on, blind ones once revealed").isEqualTo(counted);
    }

    @Test
    void refusesPagesOutsideTheirRangeNamingTheParameter() {
        WebTestClient anonymous = TestClients.anonymous(web);
        anonymous.get().uri("/api/public/events?size=201").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size")
                .jsonPath("$.errors[0].rule").isEqualTo("number.range");
        anonymous.get().uri("/api/public/events?page=-1").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
        anonymous.get().uri("/api/public/events?status=DRAFT").exchange().expectStatus().isBadRequest();
    }
}
