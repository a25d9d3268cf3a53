package io.jingsai.api.judging;

import static io.jingsai.api.judging.MarkingFixtures.decide;
import static io.jingsai.api.judging.MarkingFixtures.penalize;
import static io.jingsai.api.judging.MarkingFixtures.sheet;
import static io.jingsai.api.judging.MarkingFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
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
 * Deductions and disqualifications over HTTP on PostgreSQL: recorded by judges, counted only once the chief judge
 * approves them, never when rejected; a pending one holds the result and publication back; every refusal writes
 * nothing; the audit chain and a recomputation from marks and penalties agree with what is stored.
 */
@IntegrationTest
class PenaltyTests {

    /** MarkingFixtures.SCHEME's deduction module D1: 10 points, 5 per violation. */
    private static final BigDecimal MODULE = BigDecimal.TEN;
    private static final BigDecimal PER_VIOLATION = BigDecimal.valueOf(5);
    /** Every judge marks M1 40, M2 10, J1 2: 40 + 10 + 2/3 × 30 = 70 before the module. */
    private static final BigDecimal WITHOUT_MODULE = BigDecimal.valueOf(70);

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

    /** The reference: a module keeps its points less every approved deduction, never below zero. */
    private static BigDecimal module(List<BigDecimal> approved) {
        BigDecimal left = approved.stream().reduce(MODULE, BigDecimal::subtract);
        return left.signum() < 0 ? BigDecimal.ZERO : left;
    }

    @Test
    void aDeductionCountsOnlyOnceApprovedARejectedOneNeverAndTheModuleNeverGoesBelowZero() {
        long entry = fixtures.entry();
        List<Judge> judges = fixtures.judges(3);
        Judge chief = fixtures.chiefJudge();
        fixtures.startMarking();
        markCompletely(judges, entry);
        List<BigDecimal> approved = new ArrayList<>();
        assertTotal(entry, "COMPLETE", WITHOUT_MODULE.add(module(approved)));

        // Without points: the aspect's 5 per violation. Pending, it holds the module out of the total.
        long first = recorded(penalize(judges.get(0).client(), event, entry, key(),
                Map.of("kind", "DEDUCTION", "aspectId", "D1", "reason", "未戴绝缘手套"))
                .expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody(), "PENDING", PER_VIOLATION);
        assertTotal(entry, "INCOMPLETE", WITHOUT_MODULE);
        result(entry).jsonPath("$.aspects[1].aspectId").isEqualTo("D1")
                .jsonPath("$.aspects[1].status").isEqualTo("PENDING_APPROVAL");
        fixtures.move("REVIEW", 409).expectBody()
                .jsonPath("$.errors[?(@.field == 'registration/" + entry + "')].rule")
                .value(rules -> assertThat((List<String>) rules)
                        .contains("publication.pendingDeduction", "publication.notComplete"));

        decide(chief.client(), event, first, Map.of("outcome", "APPROVED")).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.status").isEqualTo("APPROVED")
                .jsonPath("$.decidedByJudgeId").isEqualTo(chief.id());
        approved.add(PER_VIOLATION);
        assertTotal(entry, "COMPLETE", WITHOUT_MODULE.add(module(approved)));

        // A second decision is refused and changes nothing.
        decide(chief.client(), event, first, Map.of("outcome", "REJECTED", "reason", "改判")).expectStatus()
                .isEqualTo(409).expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("APPROVED"));

        long rejected = recorded(penalize(judges.get(1).client(), event, entry, key(),
                Map.of("kind", "DEDUCTION", "aspectId", "D1", "points", 3, "reason", "工具乱放"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody(), "PENDING",
                BigDecimal.valueOf(3));
        assertTotal(entry, "INCOMPLETE", WITHOUT_MODULE);
        decide(chief.client(), event, rejected, Map.of("outcome", "REJECTED", "reason", "录像显示工具已归位"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REJECTED")
                .jsonPath("$.decisionReason").isEqualTo("录像显示工具已归位");
        assertTotal(entry, "COMPLETE", WITHOUT_MODULE.add(module(approved)));

        for (int i = 0; i < 2; i++) {
            long more = recorded(penalize(judges.get(2).client(), event, entry, key(),
                    Map.of("kind", "DEDUCTION", "aspectId", "D1", "points", 5.0, "reason", "违规操作 " + i))
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody(), "PENDING",
                    PER_VIOLATION);
            decide(chief.client(), event, more, Map.of("outcome", "APPROVED")).expectStatus().isOk();
            approved.add(PER_VIOLATION);
            assertTotal(entry, "COMPLETE", WITHOUT_MODULE.add(module(approved)));
        }
        assertThat(module(approved)).isEqualByComparingTo("0");

        admin.get().uri("/api/events/{e}/penalties?pending=true", event).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        admin.get().uri("/api/events/{e}/penalties", event).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(4)
                .jsonPath("$.items[1].id").isEqualTo(rejected)
                .jsonPath("$.items[1].status").isEqualTo("REJECTED");
        chief.client().get().uri("/api/events/{e}/penalties/{p}", event, first).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.reason").isEqualTo("未戴绝缘手套");

        assertThat(actions()).containsExactly("penalty.recorded", "penalty.approved", "penalty.recorded",
                "penalty.rejected", "penalty.recorded", "penalty.approved", "penalty.recorded", "penalty.approved");
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE chain = 'event-" + event
                + "' AND action = 'penalty.rejected' AND reason = '录像显示工具已归位' AND before_state LIKE '%PENDING%' "
                + "AND after_state LIKE '%REJECTED%'")).isEqualTo(1);
        chainAndRecomputationAgree(1);
        fixtures.move("REVIEW");
    }

    @Test
    void aDisqualificationOnceApprovedZeroesTheTotalAndTakesAwayEligibility() {
        long out = fixtures.entry();
        long other = fixtures.entry();
        List<Judge> judges = fixtures.judges(3);
        Judge chief = fixtures.chiefJudge();
        fixtures.startMarking();
        markCompletely(judges, out);
        markCompletely(judges, other);

        long disqualification = recorded(penalize(judges.get(0).client(), event, out, key(),
                Map.of("kind", "DISQUALIFICATION", "reason", "第二次损坏设备"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody(), "PENDING", null);
        assertTotal(out, "INCOMPLETE", WITHOUT_MODULE.add(MODULE));
        penalize(judges.get(1).client(), event, out, key(), Map.of("kind", "DISQUALIFICATION", "reason", "同一事件"))
                .expectStatus().isEqualTo(409);
        fixtures.move("REVIEW", 409).expectBody()
                .jsonPath("$.errors[?(@.field == 'registration/" + out + "')].rule")
                .value(rules -> assertThat((List<String>) rules).contains("publication.pendingDisqualification"))
                .jsonPath("$.errors[?(@.field == 'registration/" + other + "')]").isEmpty();

        decide(chief.client(), event, disqualification, Map.of("outcome", "APPROVED", "reason", "监控确认"))
                .expectStatus().isOk();
        assertTotal(out, "DISQUALIFIED", BigDecimal.ZERO);
        admin.get().uri("/api/events/{e}/results", event).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries[0].registrationId").isEqualTo(other)
                .jsonPath("$.entries[0].eligible").isEqualTo(true)
                .jsonPath("$.entries[1].registrationId").isEqualTo(out)
                .jsonPath("$.entries[1].status").isEqualTo("DISQUALIFIED")
                .jsonPath("$.entries[1].eligible").isEqualTo(false);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE chain = 'event-" + event
                + "' AND action = 'penalty.approved' AND reason = '监控确认'")).isEqualTo(1);
        chainAndRecomputationAgree(2);
        fixtures.move("REVIEW");
    }

    @Test
    void aRetryWithTheSameKeyRecordsOnce() {
        long entry = fixtures.entry();
        Judge judge = fixtures.judges(1).get(0);
        fixtures.startMarking();
        String key = key();
        Map<String, Object> deduction = Map.of("kind", "DEDUCTION", "aspectId", "D1", "points", 5, "reason", "未清理工位");

        byte[] first = penalize(judge.client(), event, entry, key, deduction).expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody().returnResult().getResponseBody();
        byte[] again = penalize(judge.client(), event, entry, key,
                Map.of("kind", "DEDUCTION", "aspectId", "D1", "points", 5.00, "reason", "未清理工位"))
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(again)).isEqualTo(new String(first));
        assertThat(count("SELECT COUNT(*) FROM penalty WHERE registration_id = " + entry)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM result_change WHERE registration_id = " + entry)).isEqualTo(1);
        assertThat(actions()).containsExactly("penalty.recorded");
        penalize(judge.client(), event, entry, key, Map.of("kind", "DEDUCTION", "aspectId", "D1", "points", 4,
                "reason", "未清理工位")).expectStatus().isEqualTo(422);
        assertThat(count("SELECT COUNT(*) FROM penalty WHERE registration_id = " + entry)).isEqualTo(1);
    }

    @Test
    void everyRefusalWritesNothing() {
        long home = fixtures.registry().enterprise();
        long ownEntry = fixtures.entry(home);
        long entry = fixtures.entry();
        long withdrawn = fixtures.entry();
        Judge judge = fixtures.judges(1).get(0);
        Judge recused = fixtures.onPanelAndSignedIn(List.of(fixtures.judge(home))).get(0);
        Judge chief = fixtures.chiefJudge();
        Map<String, Object> deduction = Map.of("kind", "DEDUCTION", "aspectId", "D1", "reason", "未戴安全帽");

        fixtures.move("OPEN");
        penalize(judge.client(), event, entry, key(), deduction).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("OPEN"));
        fixtures.move("MARKING");
        admin.post().uri("/api/events/{e}/registrations/{r}/withdrawal", event, withdrawn)
                .header("If-Match", "\"0\"").bodyValue(Map.of("reason", "身体不适")).exchange().expectStatus().isOk();
        long pending = ((Number) penalize(judge.client(), event, entry, key(), deduction).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
        long before = written();

        refused(judge, entry, Map.of("kind", "DEDUCTION", "aspectId", "XX", "reason", "r"), "aspectId",
                "penalty.aspectUnknown");
        refused(judge, entry, Map.of("kind", "DEDUCTION", "aspectId", "M1", "reason", "r"), "aspectId",
                "penalty.notDeductionModule");
        refused(judge, entry, Map.of("kind", "DEDUCTION", "reason", "r"), "aspectId", "penalty.aspectRequired");
        refused(judge, entry, Map.of("kind", "DEDUCTION", "aspectId", "D1", "points", 0, "reason", "r"), "points",
                "positive");
        refused(judge, entry, Map.of("kind", "DEDUCTION", "aspectId", "D1", "points", -5, "reason", "r"), "points",
                "positive");
        refused(judge, entry, Map.of("kind", "DEDUCTION", "aspectId", "D1", "reason", "  "), "reason", "notBlank");
        refused(judge, entry, Map.of("kind", "DISQUALIFICATION", "aspectId", "D1", "reason", "r"), "aspectId",
                "penalty.disqualificationAspect");
        refused(judge, entry, Map.of("aspectId", "D1", "reason", "r"), "kind", "required");
        penalize(judge.client(), event, entry, null, deduction).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");

        penalize(recused.client(), event, ownEntry, key(), deduction).expectStatus().isForbidden();
        penalize(admin, event, entry, key(), deduction).expectStatus().isForbidden();
        MarkingFixtures elsewhere = new MarkingFixtures(web, database);
        elsewhere.event(MarkingFixtures.SCHEME);
        penalize(elsewhere.judges(1).get(0).client(), event, entry, key(), deduction).expectStatus().isNotFound();
        penalize(judge.client(), event, withdrawn, key(), deduction).expectStatus().isEqualTo(409);

        decide(judge.client(), event, pending, Map.of("outcome", "APPROVED")).expectStatus().isForbidden();
        decide(admin, event, pending, Map.of("outcome", "APPROVED")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains(String.valueOf(event)));
        WebTestClient organizer = new io.jingsai.api.TestAccounts(admin, web)
                .signedIn(Map.of("role", "ORGANIZER", "programmeId", fixtures.programme));
        decide(organizer, event, pending, Map.of("outcome", "APPROVED")).expectStatus().isForbidden();
        decide(chief.client(), event, pending, Map.of("outcome", "REJECTED")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason")
                .jsonPath("$.errors[0].rule").isEqualTo("penalty.rejectionReason");
        decide(chief.client(), event, pending, Map.of("outcome", "MAYBE")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("outcome");
        decide(chief.client(), event, 987654321987L, Map.of("outcome", "APPROVED")).expectStatus().isNotFound();
        assertThat(written()).isEqualTo(before);
        admin.get().uri("/api/events/{e}/penalties?pending=true", event).exchange().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(pending);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private void refused(Judge judge, long entry, Map<String, Object> body, String field, String rule) {
        penalize(judge.client(), event, entry, key(), body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].rule").isEqualTo(rule);
    }

    private void markCompletely(List<Judge> judges, long entry) {
        for (Judge judge : judges) {
            submit(judge.client(), event, entry, key(), sheet("M1", 40, "M2", 10, "J1", 2)).expectStatus()
                    .isCreated();
        }
    }

    private long recorded(Map<?, ?> penalty, String status, BigDecimal points) {
        assertThat(penalty.get("status")).isEqualTo(status);
        if (points == null) {
            assertThat(penalty.get("points")).isNull();
        } else {
            assertThat(new BigDecimal(penalty.get("points").toString())).isEqualByComparingTo(points);
        }
        assertThat(penalty.get("version")).isEqualTo(0);
        return ((Number) penalty.get("id")).longValue();
    }

    private void assertTotal(long entry, String status, BigDecimal total) {
        Map<?, ?> result = admin.get().uri("/api/events/{e}/registrations/{r}/result", event, entry).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(result.get("status")).isEqualTo(status);
        assertThat(new BigDecimal(result.get("total").toString())).isEqualByComparingTo(total);
    }

    private WebTestClient.BodyContentSpec result(long entry) {
        return admin.get().uri("/api/events/{e}/registrations/{r}/result", event, entry).exchange()
                .expectStatus().isOk().expectBody();
    }

    private void chainAndRecomputationAgree(int entries) {
        admin.get().uri("/api/audit/chains/event-{e}/verification", event).exchange()
                .expectBody().jsonPath("$.intact").isEqualTo(true);
        admin.post().uri("/api/events/{e}/results/recomputation", event).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.checked").isEqualTo(entries)
                .jsonPath("$.differences.length()").isEqualTo(0);
    }

    private List<String> actions() {
        return database.sql("SELECT action FROM audit_entry WHERE chain = :chain AND action LIKE 'penalty.%' "
                        + "ORDER BY position")
                .bind("chain", "event-" + event).map(row -> row.get("action", String.class)).all().collectList()
                .block();
    }

    /** Rows of every table recording or deciding a penalty writes, for this event, and their versions. */
    private long written() {
        return count("SELECT (SELECT COUNT(*) + COALESCE(SUM(version), 0) FROM penalty WHERE event_id = " + event + ")"
                + " + (SELECT COALESCE(SUM(version + 1), 0) FROM entry_result WHERE event_id = " + event + ")"
                + " + (SELECT COUNT(*) FROM result_change WHERE event_id = " + event + ")"
                + " + (SELECT COUNT(*) FROM idempotent_request)"
                + " + (SELECT COUNT(*) FROM audit_entry WHERE chain = 'event-" + event + "')");
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
