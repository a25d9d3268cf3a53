package io.jingsai.api.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestAccounts;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;

/**
 * Projects evaluated on KPI indicators over HTTP: values with evidence, scores checked against a reference
 * computation written here (the domain's formula, not the engine), the project board's tiers with a tie at the key
 * cut-off, refused values that write nothing, versions, the evaluation's life with its audit entries, and access.
 */
@IntegrationTest
class ProjectEvaluationTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    /** A KPI as the reference computation needs it; a null baseline means normalised against the field. */
    record Kpi(String code, String weight, String direction, String target, String baseline) {
        boolean higher() {
            return direction.equals("HIGHER_IS_BETTER");
        }

        Map<String, Object> body() {
            return RegistryFixtures.indicator(code, weight, direction, target, baseline);
        }
    }

    private static final Kpi COST = new Kpi("COST", "3", "HIGHER_IS_BETTER", "500", "0");
    private static final Kpi DELAY = new Kpi("DELAY", "2", "LOWER_IS_BETTER", "0", "30");
    private static final Kpi PATENTS = new Kpi("PATENTS", "1", "HIGHER_IS_BETTER", "10", null);
    private static final Kpi INCIDENTS = new Kpi("INCIDENTS", "1.5", "LOWER_IS_BETTER", "0", null);
    private static final List<Kpi> MAIN = List.of(COST, DELAY, PATENTS, INCIDENTS);
    /** Another project's scheme: the same patents KPI, scored against every project that has it. */
    private static final List<Kpi> PATENTS_ONLY = List.of(PATENTS);

    @Autowired
    WebTestClient anonymous;
    @Autowired
    DatabaseClient database;

    WebTestClient admin;
    RegistryFixtures fixtures;
    long programme;
    long enterprise;
    final Map<String, Long> ids = new LinkedHashMap<>();
    final Map<String, List<Kpi>> schemes = new LinkedHashMap<>();
    final Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        admin = TestClients.administrator(anonymous);
        fixtures = new RegistryFixtures(admin, database);
        Map<String, Object> body = RegistryFixtures.programmeBody(TestIdentities.unique("项目评价"));
        body.put("quotas", Map.of("demonstration", 1, "key", 3));
        programme = fixtures.programme(body);
        enterprise = fixtures.enterprise();
    }

    @Test
    void scoresFollowTheReferenceAndTheBoardIncludesEveryProjectTiedAtTheKeyCutOff() {
        sixProjectsWithValues();
        assertScoresMatchTheReference();

        Map<String, Object> board = standings();
        assertThat(board).containsEntry("status", "ENTERED").containsEntry("cutOffPolicy", "INCLUDE_ALL")
                .containsEntry("unevaluatedProjects", 0);
        List<Map<String, Object>> entries = list(board.get("entries"));
        assertThat(entries).extracting(e -> ((Number) e.get("projectId")).longValue())
                .containsExactly(ids.get("P1"), ids.get("P2"), ids.get("P3"), ids.get("P4"), ids.get("P6"),
                        ids.get("P5"));
        assertThat(entries).extracting(e -> e.get("rank")).containsExactly(1, 2, 3, 3, 5, 6);
        assertThat(entries).extracting(e -> e.get("position")).containsExactly(1, 2, 3, 4, 5, 6);
        // key quota 3: P3 and P4 share rank 3, so both are key projects (one over the quota); the best is the
        // demonstration project.
        assertThat(entries).extracting(e -> e.get("tier"))
                .containsExactly("DEMONSTRATION", "KEY", "KEY", "KEY", null, null);
        for (Map<String, Object> entry : entries) {
            String name = nameOf(((Number) entry.get("projectId")).longValue());
            assertThat(new BigDecimal(entry.get("score").toString())).as(name)
                    .isEqualByComparingTo(reference(name));
        }
        assertThat(list(board.get("tiers"))).extracting(t -> t.get("tier") + " " + t.get("quota") + " "
                        + t.get("members") + " " + t.get("overflow") + " " + t.get("shortfall"))
                .containsExactly("DEMONSTRATION 1 1 0 0", "KEY 3 4 1 0");
    }

    @Test
    void newValuesOfOneProjectRescoreTheOthersWhoseFieldChangedAndMoveTheirVersions() {
        sixProjectsWithValues();
        assertThat(evaluationOf("P6").get("version")).isEqualTo(1);
        assertThat(evaluationOf("P1").get("version")).isEqualTo(1);

        values.get("P5").put("PATENTS", new BigDecimal("12"));
        enter(admin, "P5", 1).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");

        assertScoresMatchTheReference();
        // P6's patents are now 3 of 12: its score fell, so what it shows changed; P1's fell too.
        assertThat(evaluationOf("P6").get("version")).isEqualTo(2);
        assertThat(evaluationOf("P1").get("version")).isEqualTo(2);
        // COST and DELAY are scored against targets: the same project's scores there did not move.
        assertThat(new BigDecimal(map(list(evaluationOf("P1").get("indicators")).get(0)).get("score").toString()))
                .isEqualByComparingTo("90");
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 11})
    void afterAnySequenceOfEntriesAndRemovalsEveryStoredScoreIsTheReferencesOfTheValuesLeft(long seed) {
        Random random = new Random(seed);
        for (int step = 0; step < 16; step++) {
            String name = "P" + (1 + random.nextInt(6));
            if (ids.containsKey(name) && random.nextInt(5) == 0) {
                admin.delete().uri("/api/programmes/{p}/projects/{id}", programme, ids.get(name))
                        .header("If-Match", "\"0\"").exchange().expectStatus().isNoContent();
                ids.remove(name);
                schemes.remove(name);
                values.remove(name);
            } else {
                if (!ids.containsKey(name)) {
                    project(name + "-" + step, random.nextInt(4) == 0 ? PATENTS_ONLY : MAIN);
                    ids.put(name, ids.remove(name + "-" + step));
                    schemes.put(name, schemes.remove(name + "-" + step));
                }
                values.put(name, values(random.nextInt(600), random.nextInt(40), random.nextInt(9),
                        random.nextInt(3)));
                // the version moves when other projects' values change this one's score, so read it first
                enter(admin, name, ((Number) evaluationOf(name).get("version")).longValue()).expectStatus().isOk();
            }
            assertScoresMatchTheReference();
        }
    }

    @Test
    void valuesEnteredAtTheSameTimeForDifferentProjectsAreScoredFromOneConsistentSetOfValues() throws Exception {
        sixProjectsWithValues();
        Random random = new Random(5);
        values.keySet().forEach(name -> values.put(name, values(random.nextInt(600), random.nextInt(40),
                random.nextInt(9), random.nextInt(3))));
        Map<String, Long> versions = new HashMap<>();
        values.keySet().forEach(name -> versions.put(name, ((Number) evaluationOf(name).get("version")).longValue()));
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(values.size());
        List<Thread> racers = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (String name : values.keySet()) {
            Thread racer = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException | java.util.concurrent.BrokenBarrierException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                statuses.add(enter(admin, name, versions.get(name)).returnResult(byte[].class).getStatus().value());
            });
            racers.add(racer);
            racer.start();
        }
        for (Thread racer : racers) {
            racer.join(60_000);
        }
        // A racer may find its version moved by another's rescoring (412); it reads again and retries.
        assertThat(statuses).hasSize(values.size()).allMatch(status -> status == 200 || status == 412);
        for (String name : values.keySet()) {
            Map<String, Object> evaluation = evaluationOf(name);
            boolean current = list(evaluation.get("indicators")).stream().allMatch(indicator -> new BigDecimal(
                    indicator.get("value").toString()).compareTo(values.get(name).get(indicator.get("code"))) == 0);
            if (!current) {
                enter(admin, name, ((Number) evaluation.get("version")).longValue()).expectStatus().isOk();
            }
        }
        assertScoresMatchTheReference();
    }

    @Test
    void valuesThatDoNotFitTheIndicatorsAreRefusedNamingFieldAndRuleAndWriteNothing() {
        long project = project("P1", MAIN);
        long rows = rows();
        long entries = auditEntries().size();

        put(project, "0", """
                {"values": [{"indicator": "COST", "value": 1, "evidence": "审计报告"},
                            {"indicator": "SPEED", "value": 1, "evidence": "审计报告"},
                            {"indicator": "COST", "value": 2, "evidence": "审计报告"},
                            {"indicator": "DELAY", "value": 1, "evidence": "审计报告"}]}""")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[0].field").isEqualTo("values[1].indicator")
                .jsonPath("$.errors[0].rule").isEqualTo("evaluation.indicatorUnknown")
                .jsonPath("$.errors[0].message").isEqualTo("须为本项目的指标之一：COST、DELAY、PATENTS、INCIDENTS")
                .jsonPath("$.errors[1].field").isEqualTo("values[2].indicator")
                .jsonPath("$.errors[1].rule").isEqualTo("evaluation.indicatorRepeated")
                .jsonPath("$.errors[2].field").isEqualTo("values")
                .jsonPath("$.errors[2].rule").isEqualTo("evaluation.indicatorMissing")
                .jsonPath("$.errors[2].message").isEqualTo("缺少指标 PATENTS 的值")
                .jsonPath("$.errors[3].message").isEqualTo("缺少指标 INCIDENTS 的值");

        String valid = "{\"indicator\": \"DELAY\", \"value\": 1, \"evidence\": \"监理月报\"}";
        Map<String, String[]> bad = new LinkedHashMap<>();
        bad.put("{\"indicator\": \"COST\", \"value\": \"三百\", \"evidence\": \"审计\"}",
                new String[] {"values[0].value", "number.decimal"});
        bad.put("{\"indicator\": \"COST\", \"value\": 1e20, \"evidence\": \"审计\"}",
                new String[] {"values[0].value", "number.decimal"});
        bad.put("{\"indicator\": \"COST\", \"value\": 0.0000001, \"evidence\": \"审计\"}",
                new String[] {"values[0].value", "number.decimal"});
        bad.put("{\"indicator\": \"COST\", \"evidence\": \"审计\"}", new String[] {"values[0].value", "required"});
        bad.put("{\"indicator\": \"COST\", \"value\": 1, \"evidence\": \" \"}",
                new String[] {"values[0].evidence", "notBlank"});
        bad.forEach((value, expected) -> {
            WebTestClient.BodyContentSpec answer = put(project, "0", "{\"values\": [" + value + ", " + valid + "]}")
                    .expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo(expected[0]);
            if (expected[1] != null) {
                answer.jsonPath("$.errors[0].rule").isEqualTo(expected[1]);
            }
        });
        put(project, "0", "{\"values\": []}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("values");

        assertThat(rows()).isEqualTo(rows);
        assertThat(auditEntries()).hasSize((int) entries);
        admin.get().uri("/api/programmes/{p}/projects/{id}/evaluation", programme, project).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.evaluated").isEqualTo(false)
                .jsonPath("$.indicators.length()").isEqualTo(4);
    }

    @Test
    void aStaleVersionIs412AndAMissingOneIs428() {
        project("P1", MAIN);
        values.put("P1", values(450, 2, 6, 0));
        enter(admin, "P1", 0).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");
        values.get("P1").put("COST", new BigDecimal("460"));
        enter(admin, "P1", 0).expectStatus().isEqualTo(412);
        admin.put().uri("/api/programmes/{p}/projects/{id}/evaluation", programme, ids.get("P1"))
                .bodyValue(body("P1")).exchange().expectStatus().isEqualTo(428);
        assertThat(new BigDecimal(evaluationOf("P1").get("score").toString())).isEqualByComparingTo(
                new BigDecimal("100.00").multiply(new BigDecimal("0.9").multiply(new BigDecimal("3"))
                        .add(new BigDecimal("28").divide(new BigDecimal("30"), 30, RoundingMode.HALF_EVEN)
                                .multiply(new BigDecimal("2"))).add(new BigDecimal("2.5")))
                        .divide(new BigDecimal("7.5"), 2, RoundingMode.HALF_UP));
        enter(admin, "P1", 1).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
    }

    @Test
    void theEvaluationIsEnteredReviewedAndPublishedStepByStepAndEveryChangeIsAudited() {
        project("P1", MAIN);
        project("P2", MAIN);
        values.put("P1", values(450, 2, 6, 0));
        enter(admin, "P1", 0).expectStatus().isOk();
        round().expectHeader().valueEquals("ETag", "\"0\"").expectBody()
                .jsonPath("$.status").isEqualTo("ENTERED").jsonPath("$.projects").isEqualTo(2)
                .jsonPath("$.evaluatedProjects").isEqualTo(1);

        move(0, "REVIEWED", null).expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail")
                .isEqualTo("竞赛活动 " + programme + " 还有 1 个有指标的竞赛项目未录入指标值，不能进入 REVIEWED");
        move(0, "PUBLISHED", null).expectStatus().isEqualTo(409);
        values.put("P2", values(400, 5, 3, 1));
        enter(admin, "P2", 0).expectStatus().isOk();
        move(0, "REVIEWED", null).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.status").isEqualTo("REVIEWED");
        values.get("P2").put("COST", new BigDecimal("420"));
        enter(admin, "P2", 1).expectStatus().isOk();
        move(1, "PUBLISHED", null).expectStatus().isOk();
        move(1, "REVIEWED", null).expectStatus().isEqualTo(412);

        values.get("P2").put("COST", new BigDecimal("430"));
        enter(admin, "P2", 2).expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail")
                .isEqualTo("竞赛活动 " + programme + " 的项目评价已发布，指标值不能再修改；如需更正，请先退回 REVIEWED 并说明原因");
        admin.delete().uri("/api/programmes/{p}/projects/{id}", programme, ids.get("P2")).header("If-Match", "\"0\"")
                .exchange().expectStatus().isEqualTo(409);
        assertThat(standings()).containsEntry("status", "PUBLISHED");

        move(2, "REVIEWED", " ").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("reason")
                .jsonPath("$.errors[0].rule").isEqualTo("status.stepBackReason");
        move(2, "ENTERED", "不允许跳步").expectStatus().isEqualTo(409);
        move(2, "REVIEWED", "成本数据更正：审计报告复核").expectStatus().isOk();
        enter(admin, "P2", 2).expectStatus().isOk();

        List<Map<String, Object>> entries = auditEntries();
        assertThat(entries).extracting(e -> e.get("action") + " " + e.get("subject")).containsExactly(
                "project.evaluated project/" + ids.get("P1"), "project.evaluated project/" + ids.get("P2"),
                "projectEvaluation.statusChanged programme/" + programme,
                "project.evaluated project/" + ids.get("P2"),
                "projectEvaluation.statusChanged programme/" + programme,
                "projectEvaluation.statusChanged programme/" + programme,
                "project.evaluated project/" + ids.get("P2"));
        assertThat(entries.get(5).get("reason")).isEqualTo("成本数据更正：审计报告复核");
        assertThat(entries.get(5).get("before").toString() + " → " + entries.get(5).get("after"))
                .isEqualTo("{status=PUBLISHED} → {status=REVIEWED}");
        assertThat(map(entries.get(6).get("after")).get("score").toString())
                .isEqualTo(evaluationOf("P2").get("score").toString());
        assertThat(list(map(entries.get(6).get("before")).get("values")).get(0)).containsEntry("evidence", "证据P2-COST");
        admin.get().uri("/api/audit/chains/programme-{id}/verification", programme).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.intact").isEqualTo(true);

        // Removing a project before publication takes its values with it and scores the others again.
        admin.delete().uri("/api/programmes/{p}/projects/{id}", programme, ids.get("P2")).header("If-Match", "\"0\"")
                .exchange().expectStatus().isNoContent();
        assertThat(auditEntries()).last().extracting(e -> e.get("action")).isEqualTo("project.evaluationRemoved");
        assertThat(list(standings().get("entries"))).hasSize(1);
    }

    @Test
    void organizersOfTheProgrammeEvaluateOthersDoNot() {
        long project = project("P1", MAIN);
        values.put("P1", values(450, 2, 6, 0));
        TestAccounts accounts = new TestAccounts(admin, anonymous);
        WebTestClient organizer = accounts.signedIn(Map.of("role", "ORGANIZER", "programmeId", programme));
        WebTestClient elsewhere = accounts.signedIn(Map.of("role", "ORGANIZER", "programmeId", fixtures.programme()));
        long event = fixtures.event(RegistryFixtures.eventBody(programme, fixtures.trade(),
                TestIdentities.unique("评价赛项")));
        WebTestClient judge = accounts.signedIn(Map.of("role", "JUDGE", "eventId", event));

        for (WebTestClient[] caller : new WebTestClient[][] {{elsewhere}, {judge}}) {
            int status = caller[0] == elsewhere ? 404 : 403;
            enter(caller[0], "P1", 0).expectStatus().isEqualTo(status);
            caller[0].get().uri("/api/programmes/{p}/projects/{id}/evaluation", programme, project).exchange()
                    .expectStatus().isEqualTo(status);
            caller[0].get().uri("/api/programmes/{p}/project-standings", programme).exchange()
                    .expectStatus().isEqualTo(status);
            caller[0].get().uri("/api/programmes/{p}/project-evaluation", programme).exchange()
                    .expectStatus().isEqualTo(status);
            caller[0].post().uri("/api/programmes/{p}/project-evaluation/transition", programme)
                    .header("If-Match", "\"0\"").bodyValue(Map.of("status", "REVIEWED")).exchange()
                    .expectStatus().isEqualTo(status);
        }
        assertThat(rows()).isZero();
        enter(organizer, "P1", 0).expectStatus().isOk().expectBody().jsonPath("$.enteredBy").isNotEmpty();
        organizer.get().uri("/api/programmes/{p}/project-standings", programme).exchange().expectStatus().isOk();
        organizer.post().uri("/api/programmes/{p}/project-evaluation/transition", programme)
                .header("If-Match", "\"0\"").bodyValue(Map.of("status", "REVIEWED")).exchange()
                .expectStatus().isOk();
    }

    // --- the programme of the board tests ---------------------------------------------------------------------

    /** Five projects on one scheme (P3 and P4 with equal values) and one with only the patents KPI. */
    private void sixProjectsWithValues() {
        project("P1", MAIN);
        project("P2", MAIN);
        project("P3", MAIN);
        project("P4", MAIN);
        project("P5", MAIN);
        project("P6", PATENTS_ONLY);
        values.put("P1", values(450, 2, 6, 0));
        values.put("P2", values(400, 5, 3, 1));
        values.put("P3", values(300, 10, 2, 2));
        values.put("P4", values(300, 10, 2, 2));
        values.put("P5", values(100, 40, 0, 4));
        values.put("P6", new HashMap<>(Map.of("PATENTS", new BigDecimal("3"))));
        for (String name : values.keySet()) {
            enter(admin, name, 0).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");
        }
    }

    private void assertScoresMatchTheReference() {
        for (String name : values.keySet()) {
            Map<String, Object> evaluation = evaluationOf(name);
            assertThat(evaluation).containsEntry("evaluated", true);
            assertThat(new BigDecimal(evaluation.get("score").toString())).as(name)
                    .isEqualByComparingTo(reference(name));
            for (Map<String, Object> indicator : list(evaluation.get("indicators"))) {
                String code = (String) indicator.get("code");
                Kpi kpi = schemes.get(name).stream().filter(k -> k.code().equals(code)).findFirst().orElseThrow();
                assertThat(new BigDecimal(indicator.get("score").toString())).as(name + " " + code)
                        .isEqualByComparingTo(hundred(normalised(name, kpi)));
                assertThat(indicator.get("evidence")).isEqualTo("证据" + name + "-" + code);
            }
        }
    }

    // --- the reference computation: the domain's formula, written out -----------------------------------------

    /** 100 × Σ weight × normalised / Σ weight, rounded HALF_UP to two places once. */
    private BigDecimal reference(String project) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Kpi kpi : schemes.get(project)) {
            weighted = weighted.add(new BigDecimal(kpi.weight()).multiply(normalised(project, kpi)));
            weights = weights.add(new BigDecimal(kpi.weight()));
        }
        return hundred(weighted.divide(weights, 30, RoundingMode.HALF_EVEN));
    }

    /**
     * Against a target: (value − baseline) / (target − baseline), clamped to [0, 1]. Against the field: the best value
     * of every project with this KPI (same code and direction) earns 1, the worst 0; all equal earn 1.
     */
    private BigDecimal normalised(String project, Kpi kpi) {
        BigDecimal value = values.get(project).get(kpi.code());
        BigDecimal zeroAt;
        BigDecimal oneAt;
        if (kpi.baseline() != null) {
            zeroAt = new BigDecimal(kpi.baseline());
            oneAt = new BigDecimal(kpi.target());
        } else {
            List<BigDecimal> field = new ArrayList<>();
            schemes.forEach((other, kpis) -> {
                if (kpis.stream().anyMatch(k -> k.code().equals(kpi.code()) && k.direction().equals(kpi.direction()))
                        && values.containsKey(other)) {
                    field.add(values.get(other).get(kpi.code()));
                }
            });
            BigDecimal low = field.stream().min(BigDecimal::compareTo).orElseThrow();
            BigDecimal high = field.stream().max(BigDecimal::compareTo).orElseThrow();
            if (low.compareTo(high) == 0) {
                return BigDecimal.ONE;
            }
            zeroAt = kpi.higher() ? low : high;
            oneAt = kpi.higher() ? high : low;
        }
        BigDecimal fraction = value.subtract(zeroAt).divide(oneAt.subtract(zeroAt), 30, RoundingMode.HALF_EVEN);
        return fraction.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    private static BigDecimal hundred(BigDecimal fraction) {
        return fraction.multiply(new BigDecimal("100")).setScale(2, RoundingMode.HALF_UP);
    }

    // --- requests ---------------------------------------------------------------------------------------------

    private long project(String name, List<Kpi> kpis) {
        Map<String, Object> body = RegistryFixtures.projectBody(TestIdentities.unique("评价项目" + name), enterprise);
        body.put("indicators", kpis.stream().map(Kpi::body).toList());
        long id = fixtures.project(programme, body);
        ids.put(name, id);
        schemes.put(name, kpis);
        return id;
    }

    private static Map<String, BigDecimal> values(long cost, long delay, long patents, long incidents) {
        return new HashMap<>(Map.of("COST", BigDecimal.valueOf(cost), "DELAY", BigDecimal.valueOf(delay),
                "PATENTS", BigDecimal.valueOf(patents), "INCIDENTS", BigDecimal.valueOf(incidents)));
    }

    private Map<String, Object> body(String name) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Kpi kpi : schemes.get(name)) {
            list.add(Map.of("indicator", kpi.code(), "value", values.get(name).get(kpi.code()),
                    "evidence", "证据" + name + "-" + kpi.code()));
        }
        return Map.of("values", list);
    }

    private WebTestClient.ResponseSpec enter(WebTestClient who, String name, long version) {
        return who.put().uri("/api/programmes/{p}/projects/{id}/evaluation", programme, ids.get(name))
                .header("If-Match", "\"" + version + "\"").bodyValue(body(name)).exchange();
    }

    private WebTestClient.ResponseSpec put(long project, String version, String json) {
        return admin.put().uri("/api/programmes/{p}/projects/{id}/evaluation", programme, project)
                .header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    private Map<String, Object> evaluationOf(String name) {
        return admin.get().uri("/api/programmes/{p}/projects/{id}/evaluation", programme, ids.get(name)).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    private Map<String, Object> standings() {
        return admin.get().uri("/api/programmes/{p}/project-standings", programme).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec round() {
        return admin.get().uri("/api/programmes/{p}/project-evaluation", programme).exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec move(long version, String status, String reason) {
        Map<String, Object> body = reason == null ? Map.of("status", status) : Map.of("status", status, "reason", reason);
        return admin.post().uri("/api/programmes/{p}/project-evaluation/transition", programme)
                .header("If-Match", "\"" + version + "\"").bodyValue(body).exchange();
    }

    private String nameOf(long id) {
        return ids.entrySet().stream().filter(e -> e.getValue() == id).findFirst().orElseThrow().getKey();
    }

    private long rows() {
        return database.sql("SELECT count(*) FROM project_evaluation WHERE programme_id = :p").bind("p", programme)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private List<Map<String, Object>> auditEntries() {
        Map<String, Object> page = admin.get()
                .uri("/api/audit/chains/programme-{id}/entries?size=200&sort=position", programme).exchange()
                .expectBody(JSON).returnResult().getResponseBody();
        return page == null || page.get("items") == null ? List.of() : list(page.get("items"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
