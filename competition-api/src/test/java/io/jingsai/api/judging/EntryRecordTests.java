package io.jingsai.api.judging;

import static io.jingsai.api.judging.MarkingFixtures.sheet;
import static io.jingsai.api.judging.MarkingFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.judging.MarkingFixtures.Judge;

/**
 * Officials' records over HTTP on PostgreSQL: a declared difficulty multiplies its aspect's trimmed sum, a completion
 * time breaks a tie the event does not allow, and every refusal writes nothing.
 */
@IntegrationTest
class EntryRecordTests {

    /** One measurement aspect, the trimmed sum of the panel dropping the highest and the lowest mark (diving). */
    static final String DIVE = """
            {"declaredTotal": 10, "criteria": [{"id": "A", "name": "跳水", "subCriteria": [{"id": "A1",
              "name": "动作", "aspects": [{"id": "T1", "description": "动作完成", "type": "MEASUREMENT", "maxMark": 10,
              "aggregation": {"kind": "TRIMMED_SUM", "k": 1}}]}]}]}""";

    static final String RULES = """
            {"tieBreak": [{"key": "total", "order": "DESCENDING"}, {"key": "completionTime", "order": "ASCENDING"}],
             "tiePolicy": "FORCE_DISTINCT"}""";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    /**
     * Five judges mark both entries 7, 7.5, 8, 8, 9: the trimmed sum drops 7 and 9, 23.5. A declared difficulty of
     * 2.8 makes 23.5 × 2.8 = 65.8. Both with 2.8 are tied; B's 3599 s against A's 3600.5 s puts B first.
     */
    @Test
    void difficultiesMultiplyTheirAspectsAndCompletionTimesBreakTies() {
        MarkingFixtures fixtures = new MarkingFixtures(web, database);
        WebTestClient admin = fixtures.admin();
        long event = fixtures.event(DIVE, RULES);
        long a = fixtures.entry();
        long b = fixtures.entry();
        List<Judge> judges = fixtures.judges(5);
        Judge chief = fixtures.chiefJudge();
        fixtures.startMarking();

        keep(admin, event, a, null, key(), Map.of("difficulty", List.of(difficulty("T1", 2.8)))).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"");
        admin.get().uri("/api/events/{e}/registrations/{r}/result", event, a).exchange().expectStatus().isNotFound();
        double[] marks = {7, 7.5, 8, 8, 9};
        for (int i = 0; i < judges.size(); i++) {
            for (long entry : new long[] {a, b}) {
                submit(judges.get(i).client(), event, entry, key(), sheet("T1", marks[i])).expectStatus().isCreated();
            }
        }
        result(admin, event, a).jsonPath("$.total").isEqualTo(65.8).jsonPath("$.exactTotal").isEqualTo("329/5");
        result(admin, event, b).jsonPath("$.total").isEqualTo(23.5);

        String key = key();
        Map<String, Object> record = Map.of("difficulty", List.of(difficulty("T1", 2.8)));
        keep(chief.client(), event, b, null, key, record).expectStatus().isOk();
        keep(chief.client(), event, b, null, key, Map.of("difficulty", List.of(difficulty("T1", 2.80))))
                .expectStatus().isOk().expectHeader().valueEquals("Idempotent-Replayed", "true");
        result(admin, event, b).jsonPath("$.total").isEqualTo(65.8).jsonPath("$.version").isEqualTo(5);
        standings(admin, event).jsonPath("$.unresolvedTies").isEqualTo(true);
        fixtures.move("REVIEW", 409).expectBody().jsonPath("$.errors[0].rule").isEqualTo("publication.unresolvedTie");

        long before = written(event);
        keep(judges.get(0).client(), event, a, "\"0\"", key(), Map.of("completionSeconds", 1)).expectStatus()
                .isForbidden();
        keep(admin, event, a, null, key(), Map.of("completionSeconds", 3600.5)).expectStatus().isEqualTo(428);
        keep(admin, event, a, "\"7\"", key(), Map.of("completionSeconds", 3600.5)).expectStatus().isEqualTo(412);
        keep(admin, event, a, "\"0\"", key(), Map.of("completionSeconds", -1,
                "difficulty", List.of(difficulty("T1", 0)))).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("completionSeconds", "difficulty[0].multiplier"))
                .jsonPath("$.errors[*].rule").isEqualTo(List.of("decimalMin", "positive"));
        keep(admin, event, a, "\"0\"", key(), Map.of("completionSeconds", 3600.0005,
                "difficulty", List.of(difficulty("XX", 2), difficulty("T1", 2), difficulty("T1", 3))))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("completionSeconds", "difficulty[0].aspectId",
                        "difficulty[2].aspectId"))
                .jsonPath("$.errors[*].rule").isEqualTo(List.of("record.completionPrecision",
                        "record.difficultyAspect", "record.difficultyTwice"));
        assertThat(written(event)).isEqualTo(before);

        keep(admin, event, a, "\"0\"", key(), Map.of("completionSeconds", 3600.5,
                "difficulty", List.of(difficulty("T1", 2.8)))).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.completionSeconds").isEqualTo(3600.5);
        keep(admin, event, b, "\"0\"", key(), Map.of("completionSeconds", 3599,
                "difficulty", List.of(difficulty("T1", 2.8)))).expectStatus().isOk();
        standings(admin, event).jsonPath("$.unresolvedTies").isEqualTo(false)
                .jsonPath("$.entries[0].registrationId").isEqualTo(b).jsonPath("$.entries[0].rank").isEqualTo(1)
                .jsonPath("$.entries[1].registrationId").isEqualTo(a).jsonPath("$.entries[1].rank").isEqualTo(2);
        admin.post().uri("/api/events/{e}/results/recomputation", event).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.differences.length()").isEqualTo(0);

        // Public review: only the chief judge corrects, with a reason; published results are final.
        fixtures.move("REVIEW");
        Map<String, Object> slower = Map.of("completionSeconds", 3601, "difficulty", List.of(difficulty("T1", 2.8)));
        keep(admin, event, b, "\"1\"", key(), slower).expectStatus().isForbidden();
        keep(chief.client(), event, b, "\"1\"", key(), slower).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("correction.reason");
        keep(chief.client(), event, b, "\"1\"", key(), Map.of("completionSeconds", 3601,
                "difficulty", List.of(difficulty("T1", 2.8)), "reason", "计时复核：秒表读数有误")).expectStatus().isOk();
        standings(admin, event).jsonPath("$.entries[0].registrationId").isEqualTo(a);
        String audited = database.sql("SELECT action || ' ' || reason FROM audit_entry WHERE chain = :chain "
                        + "AND action LIKE 'entryRecord.%' ORDER BY position DESC LIMIT 1")
                .bind("chain", "event-" + event).map(row -> row.get(0, String.class)).one().block();
        assertThat(audited).isEqualTo("entryRecord.changed 计时复核：秒表读数有误");
        fixtures.move("PUBLISHED");
        keep(chief.client(), event, b, "\"2\"", key(), Map.of("completionSeconds", 3500, "reason", "再次复核"))
                .expectStatus().isEqualTo(409);
    }

    private static Map<String, Object> difficulty(String aspectId, double multiplier) {
        return Map.of("aspectId", aspectId, "multiplier", BigDecimal.valueOf(multiplier));
    }

    private static WebTestClient.ResponseSpec keep(WebTestClient client, long event, long entry, String ifMatch,
                                                   String key, Map<String, Object> record) {
        return client.put().uri("/api/events/{e}/registrations/{r}/record", event, entry)
                .headers(headers -> {
                    if (ifMatch != null) {
                        headers.set("If-Match", ifMatch);
                    }
                    headers.set("Idempotency-Key", key);
                })
                .bodyValue(record).exchange();
    }

    private static WebTestClient.BodyContentSpec result(WebTestClient admin, long event, long entry) {
        return admin.get().uri("/api/events/{e}/registrations/{r}/result", event, entry).exchange()
                .expectStatus().isOk().expectBody();
    }

    private static WebTestClient.BodyContentSpec standings(WebTestClient admin, long event) {
        return admin.get().uri("/api/events/{e}/results", event).exchange().expectStatus().isOk().expectBody();
    }

    /** Rows of every table a record writes, for this event. */
    private long written(long event) {
        return database.sql("SELECT (SELECT COUNT(*) FROM entry_record WHERE event_id = :e)"
                        + " + (SELECT COALESCE(SUM(version), 0) FROM entry_record WHERE event_id = :e)"
                        + " + (SELECT COUNT(*) FROM result_change WHERE event_id = :e)"
                        + " + (SELECT COUNT(*) FROM audit_entry WHERE chain = 'event-' || :e)")
                .bind("e", event).map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
