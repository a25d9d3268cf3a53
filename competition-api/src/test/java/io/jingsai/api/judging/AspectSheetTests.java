package io.jingsai.api.judging;

import static io.jingsai.api.judging.MarkingFixtures.entryMark;
import static io.jingsai.api.judging.MarkingFixtures.markAspect;
import static io.jingsai.api.judging.MarkingFixtures.replace;
import static io.jingsai.api.judging.MarkingFixtures.sheet;
import static io.jingsai.api.judging.MarkingFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.judging.MarkingFixtures.Judge;

/**
 * One judge's marks for one aspect across many entries ({@code POST /api/events/{id}/aspects/{aspectId}/marks}) over
 * HTTP on PostgreSQL: the results are those the same marks make when each entry's sheet is sent whole (a twin event
 * marked that way is the oracle), a request with any mark that cannot be taken writes nothing and names each such
 * mark, retries get the first answer, stale sheet versions, recused and closed entries are refused.
 */
@IntegrationTest
class AspectSheetTests {

    /** The aspects of {@link MarkingFixtures#SCHEME} that judges mark. */
    private static final List<String> ASPECTS = List.of("M1", "M2", "J1");

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

    /** What one judge gives one entry, aspect by aspect (an aspect left out is not marked). */
    private record Plan(List<List<Map<String, Object>>> marks, List<List<Boolean>> sheetFirst,
                        List<List<String>> aspectOrder, List<Map<String, List<Integer>>> entryOrder) {
    }

    /**
     * Random marks of three judges for five entries (some cells left unmarked), given in event A as whole sheets, one
     * per entry, and in event B aspect by aspect, every judge walking the entries in an order of their own, all
     * judges at once; some of B's judges first send a whole sheet with other values that the aspects then replace.
     * Every entry's result in B equals its twin's in A (status, totals, components, aspects, sheet count), and its M1
     * is the median of the planned marks (reference formula, exact); every judge's sheet holds the planned marks in
     * both events; B's stored results equal their recomputation from marks; each sheet version was audited once; the
     * audit chain is intact.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 2025, 31_415})
    @SuppressWarnings("unchecked")
    void oneAspectAcrossEntriesMakesTheResultsThatTheSameMarksMakeOnEachEntrysSheet(long seed) throws Exception {
        int judgeCount = 3;
        int entryCount = 5;
        Plan plan = plan(new Random(seed), judgeCount, entryCount);

        List<Long> wholeEntries = entries(fixtures, entryCount);
        List<Judge> wholeJudges = fixtures.judges(judgeCount);
        fixtures.startMarking();
        for (int j = 0; j < judgeCount; j++) {
            for (int e = 0; e < entryCount; e++) {
                Map<String, Object> marks = plan.marks().get(j).get(e);
                if (!marks.isEmpty()) {
                    submit(wholeJudges.get(j).client(), event, wholeEntries.get(e), key(), sheetOf(marks))
                            .expectStatus().isCreated();
                }
            }
        }

        MarkingFixtures twin = new MarkingFixtures(web, database);
        long byAspect = twin.event(MarkingFixtures.SCHEME);
        List<Long> aspectEntries = entries(twin, entryCount);
        List<Judge> aspectJudges = twin.judges(judgeCount);
        twin.startMarking();
        ExecutorService pool = Executors.newFixedThreadPool(judgeCount);
        try {
            List<CompletableFuture<Void>> walks = new ArrayList<>();
            for (int j = 0; j < judgeCount; j++) {
                int judge = j;
                walks.add(CompletableFuture.runAsync(() -> walk(aspectJudges.get(judge).client(), byAspect,
                        aspectEntries, plan, judge), pool));
            }
            CompletableFuture.allOf(walks.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }

        for (int e = 0; e < entryCount; e++) {
            Object result = comparable(byAspect, aspectEntries.get(e));
            assertThat(result).as("entry %d of seed %d", e, seed).isEqualTo(comparable(event, wholeEntries.get(e)));
            List<BigDecimal> m1 = new ArrayList<>();
            for (int j = 0; j < judgeCount; j++) {
                Map<String, BigDecimal> planned = new HashMap<>();
                plan.marks().get(j).get(e).forEach((aspect, value) -> planned.put(aspect,
                        new BigDecimal(String.valueOf(value)).stripTrailingZeros()));
                Optional.ofNullable(planned.get("M1")).ifPresent(m1::add);
                assertThat(marksOf(byAspect, aspectEntries.get(e), aspectJudges.get(j).id()))
                        .as("judge %d, entry %d", j, e).isEqualTo(planned)
                        .isEqualTo(marksOf(event, wholeEntries.get(e), wholeJudges.get(j).id()));
            }
            if (!m1.isEmpty()) {
                assertThat(((List<Map<String, Object>>) ((Map<String, Object>) result).get("aspects")).get(0))
                        .as("M1 of entry %d", e).containsEntry("aspectId", "M1")
                        .containsEntry("exactMark", exactMedian(m1));
            }
        }
        admin.post().uri("/api/events/{e}/results/recomputation", byAspect).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.differences.length()").isEqualTo(0);
        long versions = 0;
        for (int j = 0; j < judgeCount; j++) {
            for (int e = 0; e < entryCount; e++) {
                versions += plan.marks().get(j).get(e).size() + (plan.sheetFirst().get(j).get(e) ? 1 : 0);
            }
        }
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE chain = 'event-" + byAspect
                + "' AND action LIKE 'scoreSheet.%'")).isEqualTo(versions);
        admin.get().uri("/api/audit/chains/event-{e}/verification", byAspect).exchange()
                .expectBody().jsonPath("$.intact").isEqualTo(true);
    }

    /** The median (of two, their mean) as the engine writes exact marks: "p" or "p/q" in lowest terms. */
    private static String exactMedian(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        BigDecimal median = sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2));
        BigInteger numerator = median.unscaledValue();
        BigInteger denominator = BigInteger.TEN.pow(Math.max(median.scale(), 0));
        if (median.scale() < 0) {
            numerator = numerator.multiply(BigInteger.TEN.pow(-median.scale()));
        }
        BigInteger gcd = numerator.gcd(denominator);
        numerator = numerator.divide(gcd);
        denominator = denominator.divide(gcd);
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }

    private static Plan plan(Random random, int judges, int entries) {
        List<List<Map<String, Object>>> marks = new ArrayList<>();
        List<List<Boolean>> sheetFirst = new ArrayList<>();
        List<List<String>> aspectOrder = new ArrayList<>();
        List<Map<String, List<Integer>>> entryOrder = new ArrayList<>();
        for (int j = 0; j < judges; j++) {
            List<Map<String, Object>> judgeMarks = new ArrayList<>();
            List<Boolean> first = new ArrayList<>();
            for (int e = 0; e < entries; e++) {
                Map<String, Object> cell = new LinkedHashMap<>();
                for (String aspect : ASPECTS) {
                    if (random.nextInt(6) != 0) {
                        cell.put(aspect, value(aspect, random));
                    }
                }
                judgeMarks.add(cell);
                first.add(!cell.isEmpty() && random.nextBoolean());
            }
            marks.add(judgeMarks);
            sheetFirst.add(first);
            List<String> aspects = new ArrayList<>(ASPECTS);
            Collections.shuffle(aspects, random);
            aspectOrder.add(aspects);
            Map<String, List<Integer>> orders = new HashMap<>();
            for (String aspect : ASPECTS) {
                List<Integer> order = new ArrayList<>();
                for (int e = 0; e < entries; e++) {
                    order.add(e);
                }
                Collections.shuffle(order, random);
                orders.put(aspect, order);
            }
            entryOrder.add(orders);
        }
        return new Plan(marks, sheetFirst, aspectOrder, entryOrder);
    }

    /** A value the aspect takes: M1 in halves up to 50, M2 0 or 10, J1 a whole score 0–3. */
    private static Object value(String aspect, Random random) {
        return switch (aspect) {
            case "M1" -> BigDecimal.valueOf(random.nextInt(101)).divide(BigDecimal.valueOf(2));
            case "M2" -> random.nextBoolean() ? 10 : 0;
            default -> random.nextInt(4);
        };
    }

    /** One judge of event B: the whole sheets with other values first, then the aspects in the judge's order. */
    @SuppressWarnings("unchecked")
    private void walk(WebTestClient client, long eventId, List<Long> entries, Plan plan, int judge) {
        Random other = new Random(judge);
        Map<Long, Long> versions = new HashMap<>();
        for (int e = 0; e < entries.size(); e++) {
            if (plan.sheetFirst().get(judge).get(e)) {
                Map<String, Object> wrong = new LinkedHashMap<>();
                plan.marks().get(judge).get(e).keySet().forEach(aspect -> wrong.put(aspect, value(aspect, other)));
                submit(client, eventId, entries.get(e), key(), sheetOf(wrong)).expectStatus().isCreated();
                versions.put(entries.get(e), 0L);
            }
        }
        for (String aspect : plan.aspectOrder().get(judge)) {
            List<Map<String, Object>> marks = new ArrayList<>();
            for (int e : plan.entryOrder().get(judge).get(aspect)) {
                Object value = plan.marks().get(judge).get(e).get(aspect);
                if (value != null) {
                    marks.add(entryMark(entries.get(e), value, versions.get(entries.get(e))));
                }
            }
            if (marks.isEmpty()) {
                continue;
            }
            Map<String, Object> answer = markAspect(client, eventId, aspect, key(), marks).expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            for (Map<String, Object> accepted : (List<Map<String, Object>>) answer.get("marks")) {
                versions.put(((Number) accepted.get("registrationId")).longValue(),
                        ((Number) accepted.get("sheetVersion")).longValue());
            }
        }
    }

    /**
     * Judges X, Y, Z mark J1 on two entries 0, 3 and 1: too far apart, both entries NEEDS_REVIEW at 50 (M1) + 10
     * (M2) + 10 (D1) = 70, J1 held out. X and Y re-mark J1 as 1 on both, naming the versions their worklists give:
     * J1 mean(1, 1, 1) / 3 × 30 = 10, both COMPLETE at 80; the worklists no longer ask for a review.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aNeedsReviewAspectIsReMarkedAcrossEntriesAsANewVersionOfEachSheet() {
        long first = fixtures.entry();
        long second = fixtures.entry();
        List<Judge> judges = fixtures.judges(3);
        fixtures.startMarking();
        int[] judgement = {0, 3, 1};
        for (int k = 0; k < judges.size(); k++) {
            WebTestClient client = judges.get(k).client();
            markAspect(client, event, "J1", key(), List.of(entryMark(first, judgement[k], null),
                    entryMark(second, judgement[k], null))).expectStatus().isOk()
                    .expectBody().jsonPath("$.marks[0].sheetVersion").isEqualTo(0)
                    .jsonPath("$.marks[1].sheetVersion").isEqualTo(0)
                    .jsonPath("$.aspectId").isEqualTo("J1")
                    .jsonPath("$.judgeId").isEqualTo(judges.get(k).id());
            markAspect(client, event, "M1", key(), List.of(entryMark(second, 50, 0L), entryMark(first, 50, 0L)))
                    .expectStatus().isOk();
            markAspect(client, event, "M2", key(), List.of(entryMark(first, 10, 1L), entryMark(second, 10, 1L)))
                    .expectStatus().isOk();
        }
        for (long entry : List.of(first, second)) {
            result(entry).jsonPath("$.status").isEqualTo("NEEDS_REVIEW").jsonPath("$.total").isEqualTo(70.0)
                    .jsonPath("$.aspects[3].status").isEqualTo("NEEDS_REVIEW").jsonPath("$.sheets").isEqualTo(3);
        }

        for (Judge judge : judges.subList(0, 2)) {
            Map<String, Object> worklist = judge.client().get().uri("/api/events/{e}/worklist", event).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            List<Map<String, Object>> marks = new ArrayList<>();
            for (Map<String, Object> entry : (List<Map<String, Object>>) worklist.get("entries")) {
                assertThat(entry.get("progress")).isEqualTo("TO_REVIEW");
                assertThat(entry.get("toReview")).isEqualTo(List.of("J1"));
                marks.add(entryMark(((Number) entry.get("registrationId")).longValue(), 1,
                        ((Number) entry.get("sheetVersion")).longValue()));
            }
            markAspect(judge.client(), event, "J1", key(), marks).expectStatus().isOk()
                    .expectBody().jsonPath("$.marks[0].sheetVersion").isEqualTo(3);
        }
        for (long entry : List.of(first, second)) {
            result(entry).jsonPath("$.status").isEqualTo("COMPLETE").jsonPath("$.total").isEqualTo(80.0)
                    .jsonPath("$.aspects[3].exactMark").isEqualTo("10");
        }
        judges.get(0).client().get().uri("/api/events/{e}/registrations/{r}/score-sheets/{j}", event, first,
                        judges.get(0).id())
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"3\"")
                .expectBody().jsonPath("$.marks[0].aspectId").isEqualTo("J1")
                .jsonPath("$.marks[0].value").isEqualTo(1)
                .jsonPath("$.marks.length()").isEqualTo(3);
        judges.get(0).client().get().uri("/api/events/{e}/worklist", event).exchange().expectBody()
                .jsonPath("$.counts.toReview").isEqualTo(0).jsonPath("$.counts.marked").isEqualTo(2);
        admin.post().uri("/api/events/{e}/results/recomputation", event).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.differences.length()").isEqualTo(0);
    }

    /** One bad mark among good ones refuses them all, naming where; nothing of any table is written. */
    @Test
    void anyMarkThatCannotBeTakenRefusesTheWholeRequestNamingEachAndWritesNothing() {
        List<Long> entries = entries(fixtures, 4);
        Judge judge = fixtures.judges(1).get(0);
        MarkingFixtures elsewhere = new MarkingFixtures(web, database);
        elsewhere.event(MarkingFixtures.SCHEME);
        long ofAnotherEvent = elsewhere.entry();
        fixtures.startMarking();
        long e0 = entries.get(0);
        long e1 = entries.get(1);
        long e2 = entries.get(2);
        long e3 = entries.get(3);
        submit(judge.client(), event, e0, key(), sheet("M1", 40, "M2", 10)).expectStatus().isCreated();
        long before = written();
        WebTestClient client = judge.client();

        markAspect(client, event, "M1", key(), List.of(entryMark(e0, 40, 0L), entryMark(e1, 45, null),
                entryMark(e2, 50.5, null), entryMark(e3, 30, null))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("marks[2].value")
                .jsonPath("$.errors[0].rule").isEqualTo("mark.range");
        markAspect(client, event, "J1", key(), List.of(entryMark(e0, 2, 0L), entryMark(e1, 2.5, null),
                entryMark(e2, 4, null), entryMark(e3, 3, null))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("marks[1].value")
                .jsonPath("$.errors[0].rule").isEqualTo("mark.judgementScore")
                .jsonPath("$.errors[1].field").isEqualTo("marks[2].value");
        markAspect(client, event, "M2", key(), List.of(entryMark(e1, 5, null))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("marks[0].value")
                .jsonPath("$.errors[0].rule").isEqualTo("mark.allowedMarks");
        markAspect(client, event, "XX", key(), List.of(entryMark(e1, 1, null))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("aspectId")
                .jsonPath("$.errors[0].rule").isEqualTo("mark.aspectUnknown");
        markAspect(client, event, "D1", key(), List.of(entryMark(e1, 5, null))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("aspectId")
                .jsonPath("$.errors[0].rule").isEqualTo("mark.deductionModule");
        markAspect(client, event, "M1", key(), List.of(entryMark(e1, 40, null), entryMark(e2, 41, null),
                entryMark(e1, 42, null), entryMark(ofAnotherEvent, 43, null))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("marks[2].registrationId")
                .jsonPath("$.errors[0].rule").isEqualTo("aspectSheet.entryTwice")
                .jsonPath("$.errors[1].field").isEqualTo("marks[3].registrationId")
                .jsonPath("$.errors[1].rule").isEqualTo("aspectSheet.noSuchEntry");
        markAspect(client, event, "M1", key(), List.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("marks");
        markAspect(client, event, "M1", key(), List.of(Map.of("registrationId", e1))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("marks[0].value");
        markAspect(client, event, "M1", key(), List.of(entryMark(e1, 40, -1L))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("marks[0].sheetVersion");
        markAspect(client, event, "M1", null, List.of(entryMark(e1, 40, null))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key")
                .jsonPath("$.errors[0].rule").isEqualTo("required");

        assertThat(written()).isEqualTo(before);
        for (long entry : List.of(e1, e2, e3)) {
            admin.get().uri("/api/events/{e}/registrations/{r}/result", event, entry).exchange()
                    .expectStatus().isNotFound();
        }
    }

    /**
     * The same key and request again (45.50 is 45.5) gets the first answer, byte for byte, and writes nothing; the key
     * with another value, another aspect or for an entry's sheet is 422; the same marks under a new key are stale now.
     * The second entry's total: M1 45.5 + D1 10 (no deductions) = 55.5, from its one recomputation.
     */
    @Test
    void aRetryGetsTheFirstAnswerAndNothingIsWrittenTwice() {
        long e0 = fixtures.entry();
        long e1 = fixtures.entry();
        Judge judge = fixtures.judges(1).get(0);
        fixtures.startMarking();
        String key = key();

        byte[] first = markAspect(judge.client(), event, "M1", key, List.of(entryMark(e0, 40, null),
                entryMark(e1, 45.5, null))).expectStatus().isOk()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectHeader().doesNotExist("ETag")
                .expectBody().returnResult().getResponseBody();
        long after = written();
        assertThat(count("SELECT COUNT(*) FROM result_change WHERE event_id = " + event)).isEqualTo(2);
        byte[] again = markAspect(judge.client(), event, "M1", key, List.of(entryMark(e0, 40.00, null),
                entryMark(e1, 45.50, null))).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(again)).isEqualTo(new String(first));
        assertThat(written()).isEqualTo(after);

        markAspect(judge.client(), event, "M1", key, List.of(entryMark(e0, 41, null), entryMark(e1, 45.5, null)))
                .expectStatus().isEqualTo(422);
        markAspect(judge.client(), event, "M2", key, List.of(entryMark(e0, 40, null), entryMark(e1, 45.5, null)))
                .expectStatus().isEqualTo(422);
        submit(judge.client(), event, e0, key, sheet("M1", 40)).expectStatus().isEqualTo(422);
        markAspect(judge.client(), event, "M1", key(), List.of(entryMark(e0, 40, null), entryMark(e1, 45.5, null)))
                .expectStatus().isEqualTo(409);
        assertThat(written()).isEqualTo(after);
        result(e1).jsonPath("$.total").isEqualTo(55.5).jsonPath("$.version").isEqualTo(0);
    }

    /**
     * Each mark names the version of the judge's sheet for its entry that it changes: one that has moved on, a
     * version for an entry without a sheet, or none for an entry with one is 409, each named, nothing written. With
     * the right versions the marks go in: the entry's other marks kept, the aspect added at the end, audited like a
     * replaced sheet; the sheet's old version no longer replaces it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aStaleSheetVersionIsRefusedNamingEachMark() {
        long e0 = fixtures.entry();
        long e1 = fixtures.entry();
        long e2 = fixtures.entry();
        Judge judge = fixtures.judges(1).get(0);
        fixtures.startMarking();
        submit(judge.client(), event, e0, key(), sheet("M1", 40, "M2", 10)).expectStatus().isCreated();
        submit(judge.client(), event, e2, key(), sheet("M1", 30)).expectStatus().isCreated();
        replace(judge.client(), event, e2, judge.id(), "\"0\"", key(), sheet("M1", 35, "J1", 1))
                .expectStatus().isOk();
        long before = written();

        markAspect(judge.client(), event, "J1", key(), List.of(entryMark(e0, 2, null), entryMark(e1, 2, 0L),
                entryMark(e2, 2, 0L))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[0].field").isEqualTo("marks[0].sheetVersion")
                .jsonPath("$.errors[0].rule").isEqualTo("aspectSheet.staleVersion")
                .jsonPath("$.errors[1].field").isEqualTo("marks[1].sheetVersion")
                .jsonPath("$.errors[1].rule").isEqualTo("aspectSheet.noSheetYet")
                .jsonPath("$.errors[2].field").isEqualTo("marks[2].sheetVersion")
                .jsonPath("$.errors[2].rule").isEqualTo("aspectSheet.staleVersion")
                .jsonPath("$.errors[2].message").value(message -> assertThat((String) message).contains("1"));
        assertThat(written()).isEqualTo(before);

        Map<String, Object> answer = markAspect(judge.client(), event, "J1", key(), List.of(entryMark(e0, 2, 0L),
                entryMark(e1, 2, null), entryMark(e2, 2, 1L))).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((List<Map<String, Object>>) answer.get("marks")).stream().map(mark -> mark.get("sheetVersion")))
                .containsExactly(1, 0, 2);
        replace(judge.client(), event, e0, judge.id(), "\"0\"", key(), sheet("M1", 41)).expectStatus().isEqualTo(412);
        judge.client().get().uri("/api/events/{e}/registrations/{r}/score-sheets/{j}", event, e2, judge.id())
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.marks.length()").isEqualTo(2)
                .jsonPath("$.marks[0].value").isEqualTo(35)
                .jsonPath("$.marks[1].aspectId").isEqualTo("J1")
                .jsonPath("$.marks[1].value").isEqualTo(2);

        List<String> audited = database.sql("SELECT action || ' ' || subject || ' ' || COALESCE(before_state, '-') "
                        + "|| ' ' || after_state AS what FROM audit_entry WHERE chain = :chain "
                        + "AND action LIKE 'scoreSheet.%' ORDER BY position DESC LIMIT 3")
                .bind("chain", "event-" + event).map(row -> row.get("what", String.class)).all().collectList()
                .block();
        String judgeId = "{\"judgeId\":" + judge.id();
        assertThat(audited).containsExactly(
                "scoreSheet.replaced registration/" + e2 + " " + judgeId + ",\"version\":1,\"marks\":{\"M1\":35,"
                        + "\"J1\":1}} " + judgeId + ",\"version\":2,\"marks\":{\"M1\":35,\"J1\":2}}",
                "scoreSheet.submitted registration/" + e1 + " - " + judgeId + ",\"version\":0,\"marks\":{\"J1\":2}}",
                "scoreSheet.replaced registration/" + e0 + " " + judgeId + ",\"version\":0,\"marks\":{\"M1\":40,"
                        + "\"M2\":10}} " + judgeId + ",\"version\":1,\"marks\":{\"M1\":40,\"M2\":10,\"J1\":2}}");
    }

    /**
     * Before MARKING, 409; a judge of an entry's enterprise or with a declared conflict, 403 naming that mark; a
     * withdrawn or absent entry, 409 naming each; an administrator (no judge), a judge off the panel, 403; a judge of
     * another event, 404. None of it writes anything; the judge's marks for entries they may mark go in.
     */
    @Test
    void onlyTheEventsUnrecusedJudgesMarkCompetingEntriesAndOnlyWhileItIsMarking() {
        long home = fixtures.registry().enterprise();
        long ownEntry = fixtures.entry(home);
        long declared = fixtures.entry();
        long withdrawn = fixtures.entry();
        long absent = fixtures.entry();
        long entry = fixtures.entry();
        Judge judge = fixtures.onPanelAndSignedIn(List.of(fixtures.judge(home))).get(0);
        Judge other = fixtures.judges(1).get(0);
        admin.post().uri("/api/events/{e}/panel/{j}/conflicts", event, other.id())
                .bodyValue(Map.of("registrationId", declared, "reason", "师徒关系")).exchange()
                .expectStatus().isCreated();

        fixtures.move("OPEN");
        markAspect(judge.client(), event, "M1", key(), List.of(entryMark(entry, 40, null)))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("OPEN"));
        fixtures.move("MARKING");
        admin.post().uri("/api/events/{e}/registrations/{r}/withdrawal", event, withdrawn)
                .header("If-Match", "\"0\"").bodyValue(Map.of("reason", "身体不适")).exchange().expectStatus().isOk();
        admin.post().uri("/api/events/{e}/registrations/{r}/absence", event, absent)
                .header("If-Match", "\"0\"").bodyValue(Map.of("absent", true, "reason", "检录时未到场")).exchange()
                .expectStatus().isOk();
        long before = written();

        markAspect(judge.client(), event, "M1", key(), List.of(entryMark(entry, 40, null),
                entryMark(ownEntry, 41, null), entryMark(declared, 42, null))).expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("marks[1].registrationId")
                .jsonPath("$.errors[0].rule").isEqualTo("scoreSheet.recused")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .contains(String.valueOf(ownEntry)));
        markAspect(other.client(), event, "M1", key(), List.of(entryMark(ownEntry, 40, null),
                entryMark(declared, 40, null))).expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("marks[1].registrationId");
        markAspect(judge.client(), event, "M1", key(), List.of(entryMark(withdrawn, 40, null),
                entryMark(entry, 40, null), entryMark(absent, 40, null))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("marks[0].registrationId")
                .jsonPath("$.errors[0].rule").isEqualTo("scoreSheet.entryWithdrawn")
                .jsonPath("$.errors[1].field").isEqualTo("marks[2].registrationId")
                .jsonPath("$.errors[1].rule").isEqualTo("scoreSheet.entryAbsent");
        markAspect(admin, event, "M1", key(), List.of(entryMark(entry, 40, null))).expectStatus().isForbidden();
        Map<?, ?> account = admin.post().uri("/api/accounts/judges")
                .bodyValue(Map.of("eventId", event, "role", "JUDGE", "judgeIds", List.of(fixtures.judge(null))))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> made = (Map<?, ?>) ((List<?>) account.get("items")).get(0);
        WebTestClient notOnPanel = fixtures.signIn((String) ((Map<?, ?>) made.get("account")).get("username"),
                (String) made.get("initialPassword"));
        markAspect(notOnPanel, event, "M1", key(), List.of(entryMark(entry, 40, null))).expectStatus().isForbidden();
        MarkingFixtures elsewhere = new MarkingFixtures(web, database);
        elsewhere.event(MarkingFixtures.SCHEME);
        Judge stranger = elsewhere.judges(1).get(0);
        markAspect(stranger.client(), event, "M1", key(), List.of(entryMark(entry, 40, null)))
                .expectStatus().isNotFound();
        assertThat(written()).isEqualTo(before);

        markAspect(judge.client(), event, "M1", key(), List.of(entryMark(declared, 42, null),
                entryMark(entry, 40, null))).expectStatus().isOk();
        assertThat(count("SELECT COUNT(*) FROM score_sheet WHERE event_id = " + event)).isEqualTo(2);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static List<Long> entries(MarkingFixtures on, int count) {
        List<Long> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(on.entry());
        }
        return entries;
    }

    private static Map<String, Object> sheetOf(Map<String, Object> marks) {
        List<Object> flat = new ArrayList<>();
        marks.forEach((aspect, value) -> {
            flat.add(aspect);
            flat.add(value);
        });
        return sheet(flat.toArray());
    }

    /** What a result says about the entry's marks, without ids, times or versions; "none" without a result. */
    @SuppressWarnings("unchecked")
    private Object comparable(long eventId, long entry) {
        EntityExchangeResult<Map> answer = admin.get().uri("/api/events/{e}/registrations/{r}/result", eventId, entry)
                .exchange().expectBody(Map.class).returnResult();
        if (answer.getStatus().value() == 404) {
            return "none";
        }
        Map<String, Object> result = answer.getResponseBody();
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String field : List.of("status", "total", "exactTotal", "components", "aspects", "sheets")) {
            kept.put(field, result.get(field));
        }
        return kept;
    }

    /** A judge's current marks for an entry, by aspect, as exact decimals; empty without a sheet. */
    @SuppressWarnings("unchecked")
    private Map<String, BigDecimal> marksOf(long eventId, long entry, long judgeId) {
        EntityExchangeResult<Map> answer = admin.get()
                .uri("/api/events/{e}/registrations/{r}/score-sheets/{j}", eventId, entry, judgeId)
                .exchange().expectBody(Map.class).returnResult();
        Map<String, BigDecimal> marks = new HashMap<>();
        if (answer.getStatus().value() == 404) {
            return marks;
        }
        for (Map<String, Object> mark : (List<Map<String, Object>>) answer.getResponseBody().get("marks")) {
            marks.put((String) mark.get("aspectId"),
                    new BigDecimal(String.valueOf(mark.get("value"))).stripTrailingZeros());
        }
        return marks;
    }

    /** Rows of every table marks write, for this event (idempotency keys and marks of any event). */
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
