package io.jingsai.api.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.judging.MarkingFixtures.Judge;

/**
 * About 200 concurrent submissions and replacements by four judges on ten entries, each sent once or several times
 * at once with the same Idempotency-Key (a client retrying), and again after a 503. Afterwards every acknowledged
 * sheet is stored exactly once, every retry got the first answer, and every stored result equals a reference
 * computation from the stored marks: with the MEAN rule and no components, an entry's total is the sum over aspects
 * of the mean of the judges' marks, exact, rounded HALF_UP to 2 places (written here with fractions of big
 * integers, not with the engine).
 */
@IntegrationTest
class ScoreSheetConcurrencyTests {

    private static final String SCHEME = """
            {"declaredTotal": 100, "defaultAggregation": {"kind": "MEAN"},
             "criteria": [{"id": "K", "name": "实操", "subCriteria": [{"id": "K1", "name": "线路安装", "aspects": [
               {"id": "A", "description": "功能正确", "type": "MEASUREMENT", "maxMark": 50},
               {"id": "B", "description": "工艺美观", "type": "MEASUREMENT", "maxMark": 30},
               {"id": "G", "description": "文明生产", "type": "MEASUREMENT", "maxMark": 20}]}]}]}""";
    private static final Map<String, Integer> MAX_MARKS = Map.of("A", 50, "B", 30, "G", 20);
    private static final int JUDGES = 4;
    private static final int ENTRIES = 10;

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    /** One request as a client sends it, with the key it retries under. */
    private record Send(Judge judge, long entry, String ifMatch, String key, Map<String, Object> sheet) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261205L})
    void everyAcknowledgedSheetIsStoredOnceAndEveryResultEqualsTheReferenceComputation(long seed) throws Exception {
        Random random = new Random(seed);
        MarkingFixtures fixtures = new MarkingFixtures(web, database);
        long event = fixtures.event(SCHEME);
        List<Long> entries = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            entries.add(fixtures.entry());
        }
        List<Judge> judges = fixtures.judges(JUDGES);
        fixtures.startMarking();

        AtomicInteger sent = new AtomicInteger();
        AtomicInteger replayed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(48);
        Map<String, List<String>> answers = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Map<String, Object>> finalSheets = new java.util.concurrent.ConcurrentHashMap<>();
        List<CompletableFuture<Void>> pairs = new ArrayList<>();
        try {
            for (Judge judge : judges) {
                for (long entry : entries) {
                    Map<String, Object> first = randomSheet(random);
                    Map<String, Object> second = randomSheet(random);
                    int firstCopies = 1 + random.nextInt(4);
                    int secondCopies = 1 + random.nextInt(4);
                    Send submit = new Send(judge, entry, null, UUID.randomUUID().toString(), first);
                    Send replace = new Send(judge, entry, "\"0\"", UUID.randomUUID().toString(), second);
                    finalSheets.put(judge.id() + "/" + entry, second);
                    pairs.add(CompletableFuture
                            .runAsync(() -> copies(submit, firstCopies, event, pool, answers, sent, replayed), pool)
                            .thenRunAsync(() -> copies(replace, secondCopies, event, pool, answers, sent, replayed), pool));
                }
            }
            CompletableFuture.allOf(pairs.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sent.get()).as("requests sent").isBetween(150, 260);
        assertThat(replayed.get()).as("copies answered with the first answer").isGreaterThan(40);

        // Every copy of a request got the one first answer: the same status and body.
        assertThat(answers).hasSize(2 * JUDGES * ENTRIES);
        answers.forEach((key, bodies) -> assertThat(bodies).as(key).hasSizeGreaterThanOrEqualTo(1)
                .allSatisfy(body -> assertThat(body).isEqualTo(bodies.get(0))));

        // Stored exactly once: one sheet per judge and entry, at version 1, three marks per version; one audit entry,
        // one outbox row and one remembered key per accepted request.
        assertThat(count("SELECT COUNT(*) FROM score_sheet WHERE event_id = " + event)).isEqualTo(JUDGES * ENTRIES);
        assertThat(count("SELECT COUNT(*) FROM score_sheet WHERE event_id = " + event + " AND version = 1"))
                .isEqualTo(JUDGES * ENTRIES);
        assertThat(count("SELECT COUNT(*) FROM mark m JOIN score_sheet s ON s.id = m.sheet_id WHERE s.event_id = "
                + event)).isEqualTo(2 * 3 * JUDGES * ENTRIES);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE chain = 'event-" + event
                + "' AND action LIKE 'scoreSheet.%'")).isEqualTo(2 * JUDGES * ENTRIES);
        assertThat(count("SELECT COUNT(*) FROM result_change WHERE event_id = " + event))
                .isEqualTo(2 * JUDGES * ENTRIES);
        assertThat(count("SELECT COUNT(*) FROM entry_result WHERE event_id = " + event
                + " AND version = " + (2 * JUDGES - 1))).isEqualTo(ENTRIES);

        Map<Long, Map<String, List<BigDecimal>>> stored = storedMarks(event);
        for (Judge judge : judges) {
            for (long entry : entries) {
                assertThat(storedSheet(event, entry, judge.id()))
                        .as("stored marks of judge %s for entry %s", judge.id(), entry)
                        .isEqualTo(values(finalSheets.get(judge.id() + "/" + entry)));
            }
        }
        for (long entry : entries) {
            Fraction total = Fraction.ZERO;
            for (List<BigDecimal> marks : stored.get(entry).values()) {
                assertThat(marks).hasSize(JUDGES);
                Fraction sum = Fraction.ZERO;
                for (BigDecimal mark : marks) {
                    sum = sum.plus(Fraction.of(mark));
                }
                total = total.plus(sum.dividedBy(marks.size()));
            }
            Map<String, Object> result = storedResult(entry);
            assertThat(result.get("status")).as("entry %s", entry).isEqualTo("COMPLETE");
            assertThat(result.get("exact_total")).as("entry %s", entry).isEqualTo(total.toString());
            assertThat((BigDecimal) result.get("total")).as("entry %s", entry)
                    .isEqualByComparingTo(total.rounded(2));
        }
        fixtures.admin().get().uri("/api/audit/chains/event-{e}/verification", event).exchange()
                .expectBody().jsonPath("$.intact").isEqualTo(true);
        fixtures.admin().post().uri("/api/events/{e}/results/recomputation", event).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.differences.length()").isEqualTo(0)
                .jsonPath("$.checked").isEqualTo(ENTRIES);
    }

    /** Sends {@code copies} of the request at once; each is retried with its key after a 503 until answered. */
    private void copies(Send send, int copies, long event, ExecutorService pool, Map<String, List<String>> answers,
                        AtomicInteger sent, AtomicInteger replayed) {
        List<CompletableFuture<String>> copiesSent = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            copiesSent.add(CompletableFuture.supplyAsync(() -> untilAnswered(send, event, sent, replayed), pool));
        }
        List<String> bodies = copiesSent.stream().map(CompletableFuture::join).toList();
        answers.put(send.key(), bodies);
    }

    private String untilAnswered(Send send, long event, AtomicInteger sent, AtomicInteger replayed) {
        while (true) {
            sent.incrementAndGet();
            WebTestClient.ResponseSpec response = send.ifMatch() == null
                    ? MarkingFixtures.submit(send.judge().client(), event, send.entry(), send.key(), send.sheet())
                    : MarkingFixtures.replace(send.judge().client(), event, send.entry(), send.judge().id(),
                    send.ifMatch(), send.key(), send.sheet());
            EntityExchangeResult<byte[]> answer = response.expectBody(byte[].class).returnResult();
            int status = answer.getStatus().value();
            if (status == 503) {
                continue;
            }
            assertThat(status).as(new String(answer.getResponseBody() == null ? new byte[0]
                    : answer.getResponseBody())).isEqualTo(send.ifMatch() == null ? 201 : 200);
            if ("true".equals(answer.getResponseHeaders().getFirst("Idempotent-Replayed"))) {
                replayed.incrementAndGet();
            }
            return status + " " + answer.getResponseHeaders().getETag() + " "
                    + new String(answer.getResponseBody());
        }
    }

    private static Map<String, Object> randomSheet(Random random) {
        List<Object> marks = new ArrayList<>();
        for (String aspect : List.of("A", "B", "G")) {
            // quarters from 0 to the max mark
            int quarters = random.nextInt(MAX_MARKS.get(aspect) * 4 + 1);
            marks.add(aspect);
            marks.add(BigDecimal.valueOf(quarters, 0).divide(BigDecimal.valueOf(4)));
        }
        return MarkingFixtures.sheet(marks.toArray());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, BigDecimal> values(Map<String, Object> sheet) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (Map<String, Object> mark : (List<Map<String, Object>>) sheet.get("marks")) {
            values.put((String) mark.get("aspectId"), ((BigDecimal) mark.get("value")).stripTrailingZeros());
        }
        return values;
    }

    private Map<String, BigDecimal> storedSheet(long event, long entry, long judge) {
        Map<String, BigDecimal> values = new HashMap<>();
        database.sql("SELECT m.aspect_id, m.value FROM score_sheet s JOIN mark m ON m.sheet_id = s.id "
                        + "AND m.sheet_version = s.version WHERE s.event_id = :e AND s.registration_id = :r "
                        + "AND s.judge_id = :j")
                .bind("e", event).bind("r", entry).bind("j", judge)
                .map(row -> Map.entry(row.get("aspect_id", String.class), row.get("value", BigDecimal.class)))
                .all().toIterable()
                .forEach(mark -> values.put(mark.getKey(), mark.getValue().stripTrailingZeros()));
        return values;
    }

    /** The current marks of every entry, by aspect: read straight from the tables. */
    private Map<Long, Map<String, List<BigDecimal>>> storedMarks(long event) {
        Map<Long, Map<String, List<BigDecimal>>> marks = new HashMap<>();
        database.sql("SELECT s.registration_id, m.aspect_id, m.value FROM score_sheet s JOIN mark m "
                        + "ON m.sheet_id = s.id AND m.sheet_version = s.version WHERE s.event_id = :e")
                .bind("e", event)
                .map(row -> List.of(row.get("registration_id", Long.class), row.get("aspect_id", String.class),
                        row.get("value", BigDecimal.class)))
                .all().toIterable()
                .forEach(row -> marks.computeIfAbsent((Long) row.get(0), id -> new HashMap<>())
                        .computeIfAbsent((String) row.get(1), id -> new ArrayList<>()).add((BigDecimal) row.get(2)));
        return marks;
    }

    private Map<String, Object> storedResult(long entry) {
        return database.sql("SELECT status, exact_total, total FROM entry_result WHERE registration_id = :r")
                .bind("r", entry)
                .map(row -> Map.<String, Object>of("status", row.get("status", String.class),
                        "exact_total", row.get("exact_total", String.class),
                        "total", row.get("total", BigDecimal.class)))
                .one().block();
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    /** A rational number in lowest terms with a positive denominator: the reference arithmetic. */
    private record Fraction(BigInteger numerator, BigInteger denominator) {

        static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

        static Fraction of(BigDecimal value) {
            return value.scale() >= 0
                    ? reduced(value.unscaledValue(), BigInteger.TEN.pow(value.scale()))
                    : reduced(value.unscaledValue().multiply(BigInteger.TEN.pow(-value.scale())), BigInteger.ONE);
        }

        static Fraction reduced(BigInteger numerator, BigInteger denominator) {
            BigInteger gcd = numerator.gcd(denominator);
            return gcd.signum() == 0 ? ZERO : new Fraction(numerator.divide(gcd), denominator.divide(gcd));
        }

        Fraction plus(Fraction other) {
            return reduced(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                    denominator.multiply(other.denominator));
        }

        Fraction dividedBy(int divisor) {
            return reduced(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
        }

        BigDecimal rounded(int scale) {
            return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
        }

        @Override
        public String toString() {
            return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
        }
    }
}
