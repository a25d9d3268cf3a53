package io.jingsai.api.judging;

import static io.jingsai.api.judging.MarkingFixtures.penalize;
import static io.jingsai.api.judging.MarkingFixtures.sheet;
import static io.jingsai.api.judging.MarkingFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestAccounts;
import io.jingsai.api.judging.MarkingFixtures.Judge;

/**
 * Absent entries (did not start) over HTTP on PostgreSQL: an explicit status recorded and taken back by an organizer
 * or the chief judge while the event is MARKING, kept with the entry's marks; the result is stored again through the
 * outbox, the entry is no starter and not eligible, and publication does not wait for it.
 */
@IntegrationTest
class AbsenceTests {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    MarkingFixtures fixtures;
    WebTestClient admin;
    long event;

    @BeforeEach
    void setUp() {
        fixtures = new MarkingFixtures(web, database);
        admin = fixtures.admin();
        event = fixtures.event(MarkingFixtures.SCHEME);
    }

    @Test
    void anAbsentEntryKeepsItsMarksIsNoStarterAndPublicationDoesNotWaitForIt() {
        long present = fixtures.entry();
        long late = fixtures.entry();
        List<Judge> judges = fixtures.judges(3);
        WebTestClient chief = new TestAccounts(admin, web).signedIn(Map.of("role", "CHIEF_JUDGE", "eventId", event));
        absence(chief, late, "\"0\"", true, "未到场").expectStatus().isEqualTo(409);
        fixtures.startMarking();
        for (Judge judge : judges) {
            submit(judge.client(), event, present, key(), sheet("M1", 40, "M2", 10, "J1", 2)).expectStatus()
                    .isCreated();
        }
        submit(judges.get(0).client(), event, late, key(), sheet("M1", 30)).expectStatus().isCreated();
        fixtures.move("REVIEW", 409).expectBody().jsonPath("$.errors[0].field").isEqualTo("registration/" + late);

        absence(chief, late, "\"0\"", true, "检录时未到场").expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.status").isEqualTo("ABSENT")
                .jsonPath("$.absenceReason").isEqualTo("检录时未到场")
                .jsonPath("$.absentAt").exists();
        assertThat(standing(late)).contains("\"started\":false").contains("\"eligible\":false");
        assertThat(count("SELECT COUNT(*) FROM result_change WHERE registration_id = " + late)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM mark m JOIN score_sheet s ON s.id = m.sheet_id "
                + "WHERE s.registration_id = " + late)).isEqualTo(1);
        admin.get().uri("/api/events/{e}/results", event).exchange().expectBody()
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].registrationId").isEqualTo(present);

        // Absent: no marks, deductions or disqualification; no second absence; no status change by replacement.
        submit(judges.get(1).client(), event, late, key(), sheet("M1", 30)).expectStatus().isEqualTo(409);
        penalize(judges.get(1).client(), event, late, key(), Map.of("kind", "DISQUALIFICATION", "reason", "r"))
                .expectStatus().isEqualTo(409);
        absence(chief, late, "\"1\"", true, "再次").expectStatus().isEqualTo(409);
        absence(judges.get(0).client(), late, "\"1\"", false, "到场").expectStatus().isForbidden();
        absence(admin, late, "\"0\"", false, "到场").expectStatus().isEqualTo(412);

        // Arrived late: the organizer takes the absence back, and publication waits for the entry again.
        absence(admin, late, "\"1\"", false, "选手迟到后已检录").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REGISTERED")
                .jsonPath("$.absentAt").doesNotExist();
        assertThat(standing(late)).contains("\"started\":true");
        assertThat(count("SELECT COUNT(*) FROM result_change WHERE registration_id = " + late)).isEqualTo(3);
        absence(admin, late, "\"2\"", false, "再次").expectStatus().isEqualTo(409);
        fixtures.move("REVIEW", 409);

        absence(chief, late, "\"2\"", true, "迟到后弃赛").expectStatus().isOk();
        assertThat(audited()).containsExactly(
                "registration.absent 检录时未到场 {\"status\":\"REGISTERED\"} {\"status\":\"ABSENT\"}",
                "registration.present 选手迟到后已检录 {\"status\":\"ABSENT\"} {\"status\":\"REGISTERED\"}",
                "registration.absent 迟到后弃赛 {\"status\":\"REGISTERED\"} {\"status\":\"ABSENT\"}");
        admin.get().uri("/api/audit/chains/event-{e}/verification", event).exchange()
                .expectBody().jsonPath("$.intact").isEqualTo(true);
        admin.post().uri("/api/events/{e}/results/recomputation", event).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.checked").isEqualTo(2).jsonPath("$.differences.length()").isEqualTo(0);
        fixtures.move("REVIEW");
        absence(admin, late, "\"3\"", false, "复核").expectStatus().isEqualTo(409);
    }

    @Test
    void anObserverMarkedAbsentReturnsToObservingAndAbsenceIsSetOnlyByItsOwnRequest() {
        long observer = fixtures.registry().create("/api/events/" + event + "/registrations",
                Map.of("contestantId", fixtures.registry().contestant(fixtures.registry().enterprise(),
                        fixtures.trade), "observer", true));
        admin.put().uri("/api/events/{e}/registrations/{r}", event, observer).header("If-Match", "\"0\"")
                .bodyValue(Map.of("status", "ABSENT")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status")
                .jsonPath("$.errors[0].rule").isEqualTo("registration.absenceOnly");
        fixtures.startMarking();
        absence(admin, observer, "\"0\"", true, "未到场").expectStatus().isOk();
        absence(admin, observer, "\"1\"", false, "到场").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("OBSERVER");
        absence(admin, observer, "\"2\"", true, " ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        admin.post().uri("/api/events/{e}/registrations/{r}/withdrawal", event, observer)
                .header("If-Match", "\"2\"").bodyValue(Map.of("reason", "退赛")).exchange().expectStatus().isOk();
        absence(admin, observer, "\"3\"", true, "未到场").expectStatus().isEqualTo(409);
    }

    private WebTestClient.ResponseSpec absence(WebTestClient client, long entry, String ifMatch, boolean absent,
                                               String reason) {
        return client.post().uri("/api/events/{e}/registrations/{r}/absence", event, entry)
                .header("If-Match", ifMatch).bodyValue(Map.of("absent", absent, "reason", reason)).exchange();
    }

    private String standing(long entry) {
        return database.sql("SELECT standing FROM entry_result WHERE registration_id = :id").bind("id", entry)
                .map(row -> row.get("standing", String.class)).one().block();
    }

    private List<String> audited() {
        return database.sql("SELECT action || ' ' || reason || ' ' || before_state || ' ' || after_state AS what "
                        + "FROM audit_entry WHERE chain = :chain AND action LIKE 'registration.%' ORDER BY position")
                .bind("chain", "event-" + event).map(row -> row.get("what", String.class)).all().collectList()
                .block();
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
