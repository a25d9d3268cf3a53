package io.jingsai.api.judging;

import static io.jingsai.api.judging.MarkingFixtures.replace;
import static io.jingsai.api.judging.MarkingFixtures.sheet;
import static io.jingsai.api.judging.MarkingFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
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
 * The judging flow end to end over HTTP on PostgreSQL, in one programme with two events of different trades: a
 * diving-style event (trimmed sums multiplied by a declared difficulty) and a skills event (theory and practical
 * components, judgement aspects, a deduction module, a deduction and a disqualification approved by the chief
 * judge). Expected totals come from the reference formulas in this test
 * ({@link #trimmedSum}, {@link #judgement}, {@link #weighted}), written from docs/domain.md, not from the engine.
 */
@IntegrationTest
class JudgingEndToEndTests {

    /** Two jumps, each the sum of five judges' marks without the highest and the lowest. */
    static final String DIVING = """
            {"declaredTotal": 20, "criteria": [{"id": "A", "name": "跳水", "subCriteria": [{"id": "A1",
              "name": "动作", "aspects": [
                {"id": "T1", "description": "第一跳", "type": "MEASUREMENT", "maxMark": 10,
                 "aggregation": {"kind": "TRIMMED_SUM", "k": 1}},
                {"id": "T2", "description": "第二跳", "type": "MEASUREMENT", "maxMark": 10,
                 "aggregation": {"kind": "TRIMMED_SUM", "k": 1}}]}]}]}""";

    /** Theory 30 %, practical 70 %: an exam mark (mean of the panel), two judgement aspects, a safety module. */
    static final String SKILLS = """
            {"declaredTotal": 100,
             "components": [{"id": "TH", "kind": "THEORY", "weight": 0.3, "declaredMax": 100},
                            {"id": "PR", "kind": "PRACTICAL", "weight": 0.7, "declaredMax": 100}],
             "criteria": [
               {"id": "C1", "name": "理论", "componentId": "TH", "subCriteria": [{"id": "C1a", "name": "笔试",
                 "aspects": [{"id": "E1", "description": "理论考试", "type": "MEASUREMENT", "maxMark": 100}]}]},
               {"id": "C2", "name": "实操", "componentId": "PR", "subCriteria": [{"id": "C2a", "name": "操作",
                 "aspects": [
                   {"id": "J1", "description": "工艺", "type": "JUDGEMENT", "maxMark": 60,
                    "levelDescriptors": ["不合格", "合格", "良好", "优秀"]},
                   {"id": "J2", "description": "规范", "type": "JUDGEMENT", "maxMark": 30,
                    "levelDescriptors": ["不合格", "合格", "良好", "优秀"]},
                   {"id": "D1", "description": "安全文明生产", "type": "DEDUCTION", "maxMark": 10,
                    "deductionPerViolation": 5}]}]}]}""";

    static final String AWARDS = """
            {"tieBreak": [{"key": "total", "order": "DESCENDING"}],
             "awards": {"bands": [{"name": "一等奖", "places": 1}, {"name": "二等奖", "places": 1},
                                  {"name": "三等奖", "places": 1}]}}""";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    @Test
    @SuppressWarnings("unchecked")
    void twoEventsOfTwoTradesGoFromMarksToPublishedResults() {
        MarkingFixtures diving = new MarkingFixtures(web, database);
        MarkingFixtures skills = diving.inAnotherTrade();
        WebTestClient admin = diving.admin();

        // --- the diving event: five judges, three entries, declared difficulties ---------------------------------
        long dive = diving.event(DIVING, AWARDS);
        long p = diving.entry();
        long q = diving.entry();
        long r = diving.entry();
        List<Judge> divers = diving.judges(5);
        diving.startMarking();
        record(admin, dive, p, null, "T1", 2.0).expectStatus().isOk();
        double[][][] marks = {
                {{7, 7.5, 8, 8, 9}, {6, 6, 6.5, 7, 7}},      // P
                {{6, 6.5, 6.5, 7, 7}, {5, 5, 5.5, 5.5, 6}},  // Q
                {{9, 9, 9.5, 9.5, 10}, {9, 9, 9, 9.5, 9.5}}, // R
        };
        long[] diveEntries = {p, q, r};
        String retried = key();
        for (int e = 0; e < diveEntries.length; e++) {
            for (int j = 0; j < divers.size(); j++) {
                String key = e == 1 && j == 0 ? retried : key();
                submit(divers.get(j).client(), dive, diveEntries[e], key,
                        sheet("T1", marks[e][0][j], "T2", marks[e][1][j])).expectStatus().isCreated();
            }
        }
        // A retry after a lost answer: the first answer again, nothing written twice.
        submit(divers.get(0).client(), dive, q, retried, sheet("T1", marks[1][0][0], "T2", marks[1][1][0]))
                .expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(count("SELECT COUNT(*) FROM score_sheet WHERE registration_id = " + q)).isEqualTo(5);
        // A replacement naming a version that is no longer current.
        replace(divers.get(0).client(), dive, p, divers.get(0).id(), "\"3\"", key(), sheet("T1", 8, "T2", 6))
                .expectStatus().isEqualTo(412);
        record(admin, dive, q, null, "T1", 3.0).expectStatus().isOk();

        BigDecimal totalP = trimmedSum(marks[0][0]).multiply(new BigDecimal("2.0")).add(trimmedSum(marks[0][1]));
        BigDecimal totalQ = trimmedSum(marks[1][0]).multiply(new BigDecimal("3.0")).add(trimmedSum(marks[1][1]));
        BigDecimal totalR = trimmedSum(marks[2][0]).add(trimmedSum(marks[2][1]));
        assertThat(totalQ).isGreaterThan(totalP);
        assertThat(totalP).isGreaterThan(totalR);
        for (Map.Entry<Long, BigDecimal> expected : Map.of(p, totalP, q, totalQ, r, totalR).entrySet()) {
            result(admin, dive, expected.getKey()).jsonPath("$.status").isEqualTo("COMPLETE")
                    .jsonPath("$.total").isEqualTo(expected.getValue().doubleValue());
        }

        // --- the skills event: four judges, one of them from an entrant's enterprise, and a chief judge ------------
        long skillsEvent = skills.event(SKILLS, AWARDS);
        long u = skills.entry();
        long v = skills.entry();
        long home = skills.registry().enterprise();
        long o = skills.entry(home);
        long w = skills.entry();
        Judge x = skills.onPanelAndSignedIn(List.of(skills.judge(home))).get(0);
        List<Judge> panel = skills.judges(3);
        Judge y = panel.get(0);
        Judge z = panel.get(1);
        Judge k = panel.get(2);
        Judge chief = skills.chiefJudge();
        skills.startMarking();

        for (Judge judge : List.of(x, y, z)) {
            int e1 = judge == x ? 80 : judge == y ? 84 : 82;
            int j1 = judge == z ? 2 : 3;
            submit(judge.client(), skillsEvent, u, key(), sheet("E1", e1, "J1", j1, "J2", 2)).expectStatus()
                    .isCreated();
            int wide = judge == x ? 0 : judge == y ? 3 : 1; // 0, 3, 1: three apart, more than the allowed 1
            submit(judge.client(), skillsEvent, v, key(), sheet("E1", 90, "J1", wide, "J2", 2)).expectStatus()
                    .isCreated();
        }
        for (Judge judge : List.of(y, z, k)) {
            submit(judge.client(), skillsEvent, o, key(), sheet("E1", 70, "J1", 2, "J2", 1)).expectStatus()
                    .isCreated();
            submit(judge.client(), skillsEvent, w, key(), sheet("E1", 95, "J1", 3, "J2", 3)).expectStatus()
                    .isCreated();
        }
        // A safety violation by O (the module's 5 points) and a disqualification of W, both pending.
        long deduction = penalize(k, skillsEvent, o, Map.of("kind", "DEDUCTION", "aspectId", "D1",
                "reason", "未戴护目镜"));
        long disqualification = penalize(y, skillsEvent, w, Map.of("kind", "DISQUALIFICATION",
                "reason", "使用违禁工具"));
        // Refused: a judge of the entrant's own enterprise, and a judge of the other event.
        submit(x.client(), skillsEvent, o, key(), sheet("E1", 70)).expectStatus().isForbidden();
        submit(divers.get(0).client(), skillsEvent, u, key(), sheet("E1", 70)).expectStatus().isNotFound();
        result(admin, skillsEvent, v).jsonPath("$.status").isEqualTo("NEEDS_REVIEW");

        // Publication waits for the judgement in dispute and for the chief judge's decisions; two judges re-mark.
        skills.move("REVIEW", 409).expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsOnly("registration/" + v, "registration/" + o, "registration/" + w))
                .jsonPath("$.errors[?(@.field == 'registration/" + o + "')].rule")
                .value(rules -> assertThat((List<String>) rules).contains("publication.pendingDeduction"))
                .jsonPath("$.errors[?(@.field == 'registration/" + w + "')].rule")
                .value(rules -> assertThat((List<String>) rules).contains("publication.pendingDisqualification"));
        decide(chief, skillsEvent, deduction, Map.of("outcome", "APPROVED", "reason", "监控确认"));
        decide(chief, skillsEvent, disqualification, Map.of("outcome", "APPROVED", "reason", "违禁工具属实"));
        replace(x.client(), skillsEvent, v, x.id(), "\"0\"", key(), sheet("E1", 90, "J1", 2, "J2", 2))
                .expectStatus().isOk();
        replace(z.client(), skillsEvent, v, z.id(), "\"0\"", key(), sheet("E1", 90, "J1", 2, "J2", 2))
                .expectStatus().isOk();

        BigDecimal totalU = weighted(mean(80, 84, 82), judgement(60, 3, 3, 2).add(judgement(30, 2, 2, 2))
                .add(BigDecimal.TEN));
        BigDecimal totalV = weighted(mean(90, 90, 90), judgement(60, 2, 3, 2).add(judgement(30, 2, 2, 2))
                .add(BigDecimal.TEN));
        BigDecimal totalO = weighted(mean(70, 70, 70), judgement(60, 2, 2, 2).add(judgement(30, 1, 1, 1))
                .add(BigDecimal.TEN.subtract(BigDecimal.valueOf(5))));
        for (Map.Entry<Long, BigDecimal> expected : Map.of(u, totalU, v, totalV, o, totalO).entrySet()) {
            result(admin, skillsEvent, expected.getKey()).jsonPath("$.status").isEqualTo("COMPLETE")
                    .jsonPath("$.total").isEqualTo(published(expected.getValue()).doubleValue());
        }
        // The best marks of all, but disqualified: nothing counts.
        result(admin, skillsEvent, w).jsonPath("$.status").isEqualTo("DISQUALIFIED").jsonPath("$.total")
                .value(total -> assertThat(new BigDecimal(total.toString())).isEqualByComparingTo(BigDecimal.ZERO));

        // --- marking closes, results go out for public review ------------------------------------------------------
        diving.move("REVIEW");
        skills.move("REVIEW");
        standings(admin, dive).jsonPath("$.provisional").isEqualTo(false)
                .jsonPath("$.entries[*].registrationId").isEqualTo(ids(q, p, r))
                .jsonPath("$.entries[*].award").isEqualTo(Arrays.asList("一等奖", "二等奖", "三等奖"));
        assertThat(totalU).isGreaterThan(totalV);
        standings(admin, skillsEvent).jsonPath("$.entries[*].registrationId").isEqualTo(ids(u, v, o, w))
                .jsonPath("$.entries[0].award").isEqualTo("一等奖")
                .jsonPath("$.entries[1].award").isEqualTo("二等奖")
                .jsonPath("$.entries[2].award").isEqualTo("三等奖")
                .jsonPath("$.entries[3].eligible").isEqualTo(false)
                .jsonPath("$.entries[3].award").doesNotExist();

        // A complaint upheld: the chief judge corrects Y's J2 for V, which now overtakes U.
        replace(chief.client(), skillsEvent, v, y.id(), "\"0\"", key(),
                Map.of("marks", sheet("E1", 90, "J1", 3, "J2", 3).get("marks"), "reason", "申诉成立：规范项复核"))
                .expectStatus().isOk();
        BigDecimal correctedV = weighted(mean(90, 90, 90), judgement(60, 2, 3, 2).add(judgement(30, 2, 3, 2))
                .add(BigDecimal.TEN));
        assertThat(correctedV).isGreaterThan(totalU);
        standings(admin, skillsEvent).jsonPath("$.entries[*].registrationId").isEqualTo(ids(v, u, o, w))
                .jsonPath("$.entries[0].total").isEqualTo(published(correctedV).doubleValue())
                .jsonPath("$.entries[0].award").isEqualTo("一等奖");
        admin.get().uri("/api/events/{e}/results/changes", skillsEvent).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.changes[?(@.registrationId == " + v + ")].before.award").isEqualTo(List.of("二等奖"))
                .jsonPath("$.changes[?(@.registrationId == " + v + ")].after.award").isEqualTo(List.of("一等奖"))
                .jsonPath("$.changes[?(@.registrationId == " + u + ")].after.award").isEqualTo(List.of("二等奖"));

        // --- published: final; rebuilt from marks, the results equal the stored ones; the audit chains hold ------
        diving.move("PUBLISHED");
        skills.move("PUBLISHED");
        replace(chief.client(), skillsEvent, v, y.id(), "\"1\"", key(),
                Map.of("marks", sheet("E1", 90).get("marks"), "reason", "再次复核")).expectStatus().isEqualTo(409);
        for (long event : new long[] {dive, skillsEvent}) {
            admin.post().uri("/api/events/{e}/results/recomputation", event).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.differences.length()").isEqualTo(0);
            admin.get().uri("/api/audit/chains/event-{e}/verification", event).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.intact").isEqualTo(true);
        }
    }

    // --- reference formulas (docs/domain.md) ----------------------------------------------------------------------

    /** The sum of the marks without the highest and the lowest. */
    private static BigDecimal trimmedSum(double... marks) {
        double[] sorted = marks.clone();
        Arrays.sort(sorted);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i < sorted.length - 1; i++) {
            sum = sum.add(BigDecimal.valueOf(sorted[i]));
        }
        return sum;
    }

    /** WorldSkills judgement: the mean of the judges' scores out of 3, times the aspect's maximum. */
    private static BigDecimal judgement(int maxMark, int... scores) {
        return BigDecimal.valueOf(Arrays.stream(scores).sum()).multiply(BigDecimal.valueOf(maxMark))
                .divide(BigDecimal.valueOf(3L * scores.length), MathContext.DECIMAL128);
    }

    private static BigDecimal mean(int... marks) {
        return BigDecimal.valueOf(Arrays.stream(marks).sum()).divide(BigDecimal.valueOf(marks.length),
                MathContext.DECIMAL128);
    }

    /** Theory 30 % and practical 70 %, each out of 100, onto a total of 100. */
    private static BigDecimal weighted(BigDecimal theory, BigDecimal practical) {
        return new BigDecimal("0.3").multiply(theory).add(new BigDecimal("0.7").multiply(practical));
    }

    /** Rounded once, HALF_UP to two places. */
    private static BigDecimal published(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    // --- requests -------------------------------------------------------------------------------------------------

    private static WebTestClient.ResponseSpec record(WebTestClient client, long event, long entry, String ifMatch,
                                                     String aspectId, double difficulty) {
        return client.put().uri("/api/events/{e}/registrations/{r}/record", event, entry)
                .headers(headers -> {
                    if (ifMatch != null) {
                        headers.set("If-Match", ifMatch);
                    }
                    headers.set("Idempotency-Key", key());
                })
                .bodyValue(Map.of("difficulty", List.of(Map.of("aspectId", aspectId,
                        "multiplier", BigDecimal.valueOf(difficulty)))))
                .exchange();
    }

    /** A judge's deduction or disqualification, pending: its id. */
    private static long penalize(Judge judge, long event, long entry, Map<String, Object> penalty) {
        Map<?, ?> recorded = judge.client().post().uri("/api/events/{e}/registrations/{r}/penalties", event, entry)
                .header("Idempotency-Key", key()).bodyValue(penalty).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(recorded.get("status")).isEqualTo("PENDING");
        return ((Number) recorded.get("id")).longValue();
    }

    private static void decide(Judge chief, long event, long penalty, Map<String, Object> decision) {
        chief.client().post().uri("/api/events/{e}/penalties/{p}/decision", event, penalty).bodyValue(decision)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo(decision.get("outcome"));
    }

    private static WebTestClient.BodyContentSpec result(WebTestClient admin, long event, long entry) {
        return admin.get().uri("/api/events/{e}/registrations/{r}/result", event, entry).exchange()
                .expectStatus().isOk().expectBody();
    }

    private static WebTestClient.BodyContentSpec standings(WebTestClient admin, long event) {
        return admin.get().uri("/api/events/{e}/results", event).exchange().expectStatus().isOk().expectBody();
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    private static List<Number> ids(long... ids) {
        return Arrays.stream(ids).mapToObj(id -> (Number) Math.toIntExact(id)).toList();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
