package io.jingsai.api.judging;

import static io.jingsai.api.judging.MarkingFixtures.replace;
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
import io.jingsai.api.judging.MarkingFixtures.Judge;

/**
 * Judges' score sheets over HTTP on PostgreSQL: accepted sheets become stored results in the same transaction,
 * retries are answered once, stale versions and everyone who may not mark are refused, and bad marks write nothing.
 */
@IntegrationTest
class ScoreSheetTests {

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

    /**
     * Three judges, marked one after another: M1 is the median of the panel, J1 needs three judges, D1 (no
     * deductions) keeps its 10. Expected by hand: after X, M1 40 + M2 10 + D1 10 = 60 (J1 held out: INCOMPLETE);
     * after Y, median(40, 45.5) = 42.75, 62.75; after Z, median 40, J1 mean(2, 3, 2) / 3 × 30 = 70/3, total
     * 60 + 70/3 = 250/3 = 83.33 COMPLETE. The second entry's judgement scores 0, 3, 1 are too far apart: NEEDS_REVIEW
     * at 70, ranked second.
     */
    @Test
    void acceptedSheetsBecomeStoredResultsRankedByTheEventsRules() {
        long first = fixtures.entry();
        long second = fixtures.entry();
        List<Judge> judges = fixtures.judges(3);
        fixtures.startMarking();
        Judge x = judges.get(0);
        Judge y = judges.get(1);
        Judge z = judges.get(2);

        submit(x.client(), event, first, key(), sheet("M1", 40, "M2", 10, "J1", 2)).expectStatus().isCreated()
                .expectHeader().location("/api/events/" + event + "/registrations/" + first + "/score-sheets/"
                        + x.id())
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.judgeId").isEqualTo(x.id())
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.marks[1].aspectId").isEqualTo("M2")
                .jsonPath("$.marks[1].value").isEqualTo(10);
        result(first).jsonPath("$.status").isEqualTo("INCOMPLETE").jsonPath("$.total").isEqualTo(60.0)
                .jsonPath("$.sheets").isEqualTo(1).jsonPath("$.version").isEqualTo(0);

        submit(y.client(), event, first, key(), sheet("M1", 45.5, "M2", 10, "J1", 3)).expectStatus().isCreated();
        result(first).jsonPath("$.status").isEqualTo("INCOMPLETE").jsonPath("$.total").isEqualTo(62.75)
                .jsonPath("$.exactTotal").isEqualTo("251/4")
                .jsonPath("$.aspects[3].aspectId").isEqualTo("J1")
                .jsonPath("$.aspects[3].status").isEqualTo("REJECTED")
                .jsonPath("$.aspects[1].aspectId").isEqualTo("D1")
                .jsonPath("$.aspects[1].mark").isEqualTo(10.0);

        submit(z.client(), event, first, key(), sheet("J1", 2, "M1", 31, "M2", 0)).expectStatus().isCreated();
        result(first).jsonPath("$.status").isEqualTo("COMPLETE").jsonPath("$.total").isEqualTo(83.33)
                .jsonPath("$.exactTotal").isEqualTo("250/3")
                .jsonPath("$.aspects[0].mark").isEqualTo(40.0)
                .jsonPath("$.aspects[3].exactMark").isEqualTo("70/3")
                .jsonPath("$.aspects[3].mark").isEqualTo(23.33)
                .jsonPath("$.sheets").isEqualTo(3).jsonPath("$.version").isEqualTo(2);

        for (Judge judge : judges) {
            submit(judge.client(), event, second, key(), sheet("M1", 50, "M2", 10,
                    "J1", judge == x ? 0 : judge == y ? 3 : 1)).expectStatus().isCreated();
        }
        result(second).jsonPath("$.status").isEqualTo("NEEDS_REVIEW").jsonPath("$.total").isEqualTo(70.0)
                .jsonPath("$.aspects[3].status").isEqualTo("NEEDS_REVIEW");

        admin.get().uri("/api/events/{e}/results", event).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries.length()").isEqualTo(2)
                .jsonPath("$.entries[0].registrationId").isEqualTo(first)
                .jsonPath("$.entries[0].rank").isEqualTo(1)
                .jsonPath("$.entries[0].eligible").isEqualTo(true)
                .jsonPath("$.entries[1].registrationId").isEqualTo(second)
                .jsonPath("$.entries[1].rank").isEqualTo(2)
                .jsonPath("$.entries[1].status").isEqualTo("NEEDS_REVIEW")
                .jsonPath("$.entries[1].eligible").isEqualTo(false)
                .jsonPath("$.unresolvedTies").isEqualTo(false);

        assertThat(count("SELECT COUNT(*) FROM result_change WHERE registration_id = " + first)).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE chain = 'event-" + event
                + "' AND action = 'scoreSheet.submitted'")).isEqualTo(6);
        admin.get().uri("/api/audit/chains/event-{e}/verification", event).exchange()
                .expectBody().jsonPath("$.intact").isEqualTo(true);
        admin.post().uri("/api/events/{e}/results/recomputation", event).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.checked").isEqualTo(2).jsonPath("$.differences.length()").isEqualTo(0);

        // The results go out for review only once the second entry's judgement is settled: X and Y re-mark it.
        fixtures.move("REVIEW", 409).expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("registration/" + second)
                .jsonPath("$.errors[0].rule").isEqualTo("publication.notComplete");
        replace(x.client(), event, second, x.id(), "\"0\"", key(), sheet("M1", 50, "M2", 10, "J1", 1))
                .expectStatus().isOk();
        replace(y.client(), event, second, y.id(), "\"0\"", key(), sheet("M1", 50, "M2", 10, "J1", 1))
                .expectStatus().isOk();
        result(second).jsonPath("$.status").isEqualTo("COMPLETE");
        fixtures.move("REVIEW");
        replace(x.client(), event, second, x.id(), "\"1\"", key(), sheet("M1", 50, "M2", 10, "J1", 2))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("REVIEW"));
    }

    /**
     * Once marking has closed, judges no longer change their sheets; the chief judge corrects one, giving a reason.
     * Three judges give M1 40, M2 10, J1 2: 40 + 10 + 10 (D1) + 20 = 80. The correction of X's J1 to 3 makes J1
     * mean(3, 2, 2) / 3 × 30 = 70/3, total 250/3 = 83.33.
     */
    @Test
    void duringReviewOnlyTheChiefJudgeCorrectsASheetAndGivesAReason() {
        long entry = fixtures.entry();
        List<Judge> judges = fixtures.judges(3);
        Judge chief = fixtures.chiefJudge();
        fixtures.startMarking();
        for (Judge judge : judges) {
            submit(judge.client(), event, entry, key(), sheet("M1", 40, "M2", 10, "J1", 2)).expectStatus().isCreated();
        }
        result(entry).jsonPath("$.total").isEqualTo(80.0).jsonPath("$.status").isEqualTo("COMPLETE");
        fixtures.move("REVIEW");
        Judge x = judges.get(0);
        Map<String, Object> corrected = new java.util.HashMap<>(sheet("M1", 40, "M2", 10, "J1", 3));
        long before = written();

        replace(x.client(), event, entry, x.id(), "\"0\"", key(), corrected).expectStatus().isForbidden();
        replace(admin, event, entry, x.id(), "\"0\"", key(), corrected).expectStatus().isForbidden();
        replace(chief.client(), event, entry, x.id(), "\"0\"", key(), corrected).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason")
                .jsonPath("$.errors[0].rule").isEqualTo("correction.reason");
        corrected.put("reason", "  ");
        replace(chief.client(), event, entry, x.id(), "\"0\"", key(), corrected).expectStatus().isBadRequest();
        submit(chief.client(), event, entry, key(), sheet("M1", 40, "M2", 10, "J1", 3)).expectStatus().isEqualTo(409);
        assertThat(written()).isEqualTo(before);

        String reason = "申诉成立：1 号裁判工艺评分录入有误";
        corrected.put("reason", reason);
        replace(chief.client(), event, entry, x.id(), "\"0\"", key(), corrected).expectStatus().isOk()
                .expectBody().jsonPath("$.judgeId").isEqualTo(x.id()).jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.marks[2].value").isEqualTo(3);
        result(entry).jsonPath("$.total").isEqualTo(83.33).jsonPath("$.exactTotal").isEqualTo("250/3")
                .jsonPath("$.version").isEqualTo(3);
        String audited = database.sql("SELECT action || ' ' || reason || ' ' || before_state || ' ' || after_state "
                        + "AS what FROM audit_entry WHERE chain = :chain AND action LIKE 'scoreSheet.%' "
                        + "ORDER BY position DESC LIMIT 1")
                .bind("chain", "event-" + event).map(row -> row.get("what", String.class)).one().block();
        assertThat(audited).isEqualTo("scoreSheet.corrected " + reason + " {\"judgeId\":" + x.id()
                + ",\"version\":0,\"marks\":{\"M1\":40,\"M2\":10,\"J1\":2}} {\"judgeId\":" + x.id()
                + ",\"version\":1,\"marks\":{\"M1\":40,\"M2\":10,\"J1\":3}}");
        admin.post().uri("/api/events/{e}/results/recomputation", event).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.differences.length()").isEqualTo(0);

        fixtures.move("PUBLISHED");
        replace(chief.client(), event, entry, x.id(), "\"1\"", key(), corrected).expectStatus().isEqualTo(409);
    }

    @Test
    void aRetryGetsTheFirstAnswerAndAReplacementNamesTheCurrentVersion() {
        long entry = fixtures.entry();
        Judge judge = fixtures.judges(1).get(0);
        fixtures.startMarking();
        String key = key();
        Map<String, Object> sheet = sheet("M1", 40, "M2", 10, "J1", 2);

        byte[] first = submit(judge.client(), event, entry, key, sheet).expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody().returnResult().getResponseBody();
        byte[] again = submit(judge.client(), event, entry, key, sheet("M1", 40.00, "M2", 10, "J1", 2))
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectHeader().location("/api/events/" + event + "/registrations/" + entry + "/score-sheets/"
                        + judge.id())
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(again)).isEqualTo(new String(first));
        assertThat(count("SELECT COUNT(*) FROM score_sheet WHERE registration_id = " + entry)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM mark m JOIN score_sheet s ON s.id = m.sheet_id "
                + "WHERE s.registration_id = " + entry)).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM result_change WHERE registration_id = " + entry)).isEqualTo(1);

        submit(judge.client(), event, entry, key, sheet("M1", 41, "M2", 10, "J1", 2))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("Idempotency-Key"));
        submit(judge.client(), event, entry, key(), sheet).expectStatus().isEqualTo(409);
        submit(judge.client(), event, entry, null, sheet).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key")
                .jsonPath("$.errors[0].rule").isEqualTo("required");

        Map<String, Object> better = sheet("M1", 45, "M2", 10, "J1", 3);
        replace(judge.client(), event, entry, judge.id(), null, key(), better).expectStatus().isEqualTo(428);
        String replacement = key();
        replace(judge.client(), event, entry, judge.id(), "\"0\"", replacement, better).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.marks[0].value").isEqualTo(45);
        replace(judge.client(), event, entry, judge.id(), "\"0\"", key(), better).expectStatus().isEqualTo(412);
        replace(judge.client(), event, entry, judge.id(), "\"0\"", replacement, better).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals("ETag", "\"1\"");
        // a second first sheet (a new key) is refused naming the current version, and writes nothing
        submit(judge.client(), event, entry, key(), sheet).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains(String.valueOf(judge.id()), String.valueOf(entry))
                        .containsPattern("(version|版本) 1"));
        assertThat(count("SELECT COUNT(*) FROM score_sheet WHERE registration_id = " + entry)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM mark m JOIN score_sheet s ON s.id = m.sheet_id "
                + "WHERE s.registration_id = " + entry)).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM result_change WHERE registration_id = " + entry)).isEqualTo(2);

        judge.client().get().uri("/api/events/{e}/registrations/{r}/score-sheets/{j}", event, entry, judge.id())
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.marks[2].value").isEqualTo(3);
        result(entry).jsonPath("$.aspects[0].mark").isEqualTo(45.0).jsonPath("$.version").isEqualTo(1);
        List<String> audited = database.sql("SELECT action || ' ' || COALESCE(before_state, '-') || ' ' || after_state "
                        + "AS what FROM audit_entry WHERE chain = :chain AND action LIKE 'scoreSheet.%' ORDER BY position")
                .bind("chain", "event-" + event).map(row -> row.get("what", String.class)).all().collectList()
                .block();
        assertThat(audited).containsExactly(
                "scoreSheet.submitted - {\"judgeId\":" + judge.id() + ",\"version\":0,\"marks\":{\"M1\":40,\"M2\":10,"
                        + "\"J1\":2}}",
                "scoreSheet.replaced {\"judgeId\":" + judge.id() + ",\"version\":0,\"marks\":{\"M1\":40,\"M2\":10,"
                        + "\"J1\":2}} {\"judgeId\":" + judge.id() + ",\"version\":1,\"marks\":{\"M1\":45,\"M2\":10,"
                        + "\"J1\":3}}");
    }

    @Test
    void onlyTheEventsUnrecusedJudgesMarkAndOnlyWhileItIsMarking() {
        long home = fixtures.registry().enterprise();
        long ownEntry = fixtures.entry(home);
        long declared = fixtures.entry();
        long withdrawn = fixtures.entry();
        long entry = fixtures.entry();
        Judge judge = fixtures.onPanelAndSignedIn(List.of(fixtures.judge(home))).get(0);
        Judge other = fixtures.judges(1).get(0);
        admin.post().uri("/api/events/{e}/panel/{j}/conflicts", event, other.id())
                .bodyValue(Map.of("registrationId", declared, "reason", "师徒关系")).exchange()
                .expectStatus().isCreated();
        Map<String, Object> sheet = sheet("M1", 40, "M2", 10, "J1", 2);

        fixtures.move("OPEN");
        submit(judge.client(), event, entry, key(), sheet).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("OPEN"));
        fixtures.move("MARKING");
        admin.post().uri("/api/events/{e}/registrations/{r}/withdrawal", event, withdrawn)
                .header("If-Match", "\"0\"").bodyValue(Map.of("reason", "身体不适")).exchange().expectStatus().isOk();

        submit(judge.client(), event, ownEntry, key(), sheet).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains(String.valueOf(ownEntry)));
        submit(other.client(), event, declared, key(), sheet).expectStatus().isForbidden();
        submit(judge.client(), event, withdrawn, key(), sheet).expectStatus().isEqualTo(409);
        submit(admin, event, entry, key(), sheet).expectStatus().isForbidden();
        long offPanel = fixtures.judge(null);
        Map<?, ?> account = admin.post().uri("/api/accounts/judges")
                .bodyValue(Map.of("eventId", event, "role", "JUDGE", "judgeIds", List.of(offPanel)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> made = (Map<?, ?>) ((List<?>) account.get("items")).get(0);
        WebTestClient notOnPanel = fixtures.signIn((String) ((Map<?, ?>) made.get("account")).get("username"),
                (String) made.get("initialPassword"));
        submit(notOnPanel, event, entry, key(), sheet).expectStatus().isForbidden();

        long otherEvent = new MarkingFixtures(web, database).event(MarkingFixtures.SCHEME);
        MarkingFixtures elsewhere = new MarkingFixtures(web, database);
        elsewhere.event(MarkingFixtures.SCHEME);
        Judge stranger = elsewhere.judges(1).get(0);
        submit(stranger.client(), event, entry, key(), sheet).expectStatus().isNotFound();
        assertThat(otherEvent).isPositive();

        submit(judge.client(), event, entry, key(), sheet).expectStatus().isCreated();
        replace(other.client(), event, entry, judge.id(), "\"0\"", key(), sheet).expectStatus().isForbidden();
        other.client().get().uri("/api/events/{e}/registrations/{r}/score-sheets/{j}", event, entry, judge.id())
                .exchange().expectStatus().isForbidden();
        assertThat(count("SELECT COUNT(*) FROM score_sheet WHERE event_id = " + event)).isEqualTo(1);

        // Not out for review while entries lack results or are incomplete: every one is named, nothing moves.
        fixtures.move("REVIEW", 409).expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactlyInAnyOrder("registration/" + ownEntry, "registration/" + declared,
                                "registration/" + entry))
                .jsonPath("$.errors[?(@.field == 'registration/" + entry + "')].rule")
                .isEqualTo(List.of("publication.notComplete"))
                .jsonPath("$.errors[?(@.field == 'registration/" + ownEntry + "')].rule")
                .isEqualTo(List.of("publication.noResult"));
        admin.get().uri("/api/events/{e}", event).exchange().expectBody().jsonPath("$.status").isEqualTo("MARKING");
    }

    @Test
    void marksTheSchemeDoesNotTakeAreRefusedNamingEachAndWriteNothing() {
        long entry = fixtures.entry();
        Judge judge = fixtures.judges(1).get(0);
        fixtures.startMarking();
        long before = written();

        submit(judge.client(), event, entry, key(), sheet("XX", 1, "M1", 50.5, "M2", 5, "J1", 2.5, "M1", 3,
                "D1", 5)).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(6)
                .jsonPath("$.errors[0].field").isEqualTo("marks[0].aspectId")
                .jsonPath("$.errors[0].rule").isEqualTo("mark.aspectUnknown")
                .jsonPath("$.errors[1].field").isEqualTo("marks[1].value")
                .jsonPath("$.errors[1].rule").isEqualTo("mark.range")
                .jsonPath("$.errors[2].field").isEqualTo("marks[2].value")
                .jsonPath("$.errors[2].rule").isEqualTo("mark.allowedMarks")
                .jsonPath("$.errors[3].field").isEqualTo("marks[3].value")
                .jsonPath("$.errors[3].rule").isEqualTo("mark.judgementScore")
                .jsonPath("$.errors[4].field").isEqualTo("marks[4].aspectId")
                .jsonPath("$.errors[4].rule").isEqualTo("mark.aspectTwice")
                .jsonPath("$.errors[5].field").isEqualTo("marks[5].aspectId")
                .jsonPath("$.errors[5].rule").isEqualTo("mark.deductionModule");
        submit(judge.client(), event, entry, key(), sheet("J1", 4)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("mark.judgementScore");
        submit(judge.client(), event, entry, key(), sheet("M1", -1)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("marks[0].value")
                .jsonPath("$.errors[0].rule").isEqualTo("mark.range");
        submit(judge.client(), event, entry, key(), Map.of("marks", List.of())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("marks");
        assertThat(written()).isEqualTo(before);
        admin.get().uri("/api/events/{e}/registrations/{r}/result", event, entry).exchange()
                .expectStatus().isNotFound();
    }

    /** Rows of every table a sheet writes, for this event. */
    private long written() {
        return count("SELECT (SELECT COUNT(*) FROM score_sheet WHERE event_id = " + event + ")"
                + " + (SELECT COUNT(*) FROM mark)"
                + " + (SELECT COUNT(*) FROM entry_result WHERE event_id = " + event + ")"
                + " + (SELECT COUNT(*) FROM result_change WHERE event_id = " + event + ")"
                + " + (SELECT COUNT(*) FROM idempotent_request)"
                + " + (SELECT COUNT(*) FROM audit_entry WHERE chain = 'event-" + event + "')");
    }

    private WebTestClient.BodyContentSpec result(long entry) {
        return admin.get().uri("/api/events/{e}/registrations/{r}/result", event, entry).exchange()
                .expectStatus().isOk().expectBody();
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
