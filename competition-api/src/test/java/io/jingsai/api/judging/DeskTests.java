package io.jingsai.api.judging;

import static io.jingsai.api.judging.MarkingFixtures.decide;
import static io.jingsai.api.judging.MarkingFixtures.penalize;
import static io.jingsai.api.judging.MarkingFixtures.sheet;
import static io.jingsai.api.judging.MarkingFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.judging.MarkingFixtures.Judge;

/**
 * The chief judge's desk over HTTP on PostgreSQL: progress, the review queue, judge consistency and what waits for
 * approval.
 */
@IntegrationTest
class DeskTests {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    /**
     * Judges X, Y, Z and a chief judge who does not mark; X declared a conflict with entry B. Entry C is marked by X
     * and then withdrawn: its marks no longer count. The scheme's marked aspects are M1, M2 and J1 (D1 is a
     * deduction module). Worked by hand:
     * <ul>
     * <li>expected: X marks A only (3 marks), Y and Z mark A and B (6 each): 15 in all, 5 per aspect;</li>
     * <li>received: A from X, Y and Z (9), B from Y (3): 12; 4 per aspect;</li>
     * <li>A's judgement scores 0, 3, 1 are more than 1 apart: A waits for review on J1;</li>
     * <li>spreads: J1 panels A {0, 3, 1} and B {2}: widest 3, mean 3/2, 1 apart; M1 A {40, 45, 40} and B {44}:
     * widest 5, mean 5/2, 1 apart (measurements differ at all); M2 A {10, 10, 10} and B {0}: 0, 0, 0;</li>
     * <li>leniency on J1: A's mean is 4/3, B's 2. X: 0 − 4/3 = −1.333, an outlier; Y: (5/3 + 0) / 2 = 0.833, one
     * outlier; Z: 1 − 4/3 = −0.333, none.</li>
     * </ul>
     */
    @Test
    void theDeskShowsProgressTheReviewQueueAndJudgeConsistency() {
        MarkingFixtures fixtures = new MarkingFixtures(web, database);
        WebTestClient admin = fixtures.admin();
        long event = fixtures.event(MarkingFixtures.SCHEME);
        long a = fixtures.entry();
        long b = fixtures.entry();
        long c = fixtures.entry();
        List<Judge> judges = fixtures.judges(3);
        Judge x = judges.get(0);
        Judge y = judges.get(1);
        Judge z = judges.get(2);
        Judge chief = fixtures.chiefJudge();
        admin.post().uri("/api/events/{e}/panel/{j}/conflicts", event, x.id())
                .bodyValue(Map.of("registrationId", b, "reason", "同一班组")).exchange().expectStatus().isCreated();
        fixtures.startMarking();

        submit(x.client(), event, a, key(), sheet("M1", 40, "M2", 10, "J1", 0)).expectStatus().isCreated();
        submit(y.client(), event, a, key(), sheet("M1", 45, "M2", 10, "J1", 3)).expectStatus().isCreated();
        submit(z.client(), event, a, key(), sheet("M1", 40, "M2", 10, "J1", 1)).expectStatus().isCreated();
        submit(y.client(), event, b, key(), sheet("M1", 44, "M2", 0, "J1", 2)).expectStatus().isCreated();
        submit(x.client(), event, c, key(), sheet("M1", 50, "M2", 10, "J1", 3)).expectStatus().isCreated();
        admin.post().uri("/api/events/{e}/registrations/{r}/withdrawal", event, c)
                .header("If-Match", "\"0\"").bodyValue(Map.of("reason", "身体不适")).exchange().expectStatus().isOk();

        x.client().get().uri("/api/events/{e}/desk", event).exchange().expectStatus().isForbidden();
        chief.client().get().uri("/api/events/{e}/desk", event).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("MARKING")
                .jsonPath("$.progress.entries").isEqualTo(2)
                .jsonPath("$.progress.expected").isEqualTo(15)
                .jsonPath("$.progress.received").isEqualTo(12)
                .jsonPath("$.progress.judges.length()").isEqualTo(3)
                .jsonPath("$.progress.judges[0].judgeId").isEqualTo(x.id())
                .jsonPath("$.progress.judges[0].entries").isEqualTo(1)
                .jsonPath("$.progress.judges[0].sheets").isEqualTo(1)
                .jsonPath("$.progress.judges[0].expected").isEqualTo(3)
                .jsonPath("$.progress.judges[0].received").isEqualTo(3)
                .jsonPath("$.progress.judges[1].judgeId").isEqualTo(y.id())
                .jsonPath("$.progress.judges[1].sheets").isEqualTo(2)
                .jsonPath("$.progress.judges[1].expected").isEqualTo(6)
                .jsonPath("$.progress.judges[1].received").isEqualTo(6)
                .jsonPath("$.progress.judges[2].judgeId").isEqualTo(z.id())
                .jsonPath("$.progress.judges[2].received").isEqualTo(3)
                .jsonPath("$.progress.aspects[*].aspectId").isEqualTo(List.of("M1", "M2", "J1"))
                .jsonPath("$.progress.aspects[*].expected").isEqualTo(List.of(5, 5, 5))
                .jsonPath("$.progress.aspects[*].received").isEqualTo(List.of(4, 4, 4))
                .jsonPath("$.review.length()").isEqualTo(1)
                .jsonPath("$.review[0].registrationId").isEqualTo(a)
                .jsonPath("$.review[0].aspects[0].aspectId").isEqualTo("J1")
                .jsonPath("$.review[0].aspects[0].marks[*].judgeId").isEqualTo(ids(x, y, z))
                .jsonPath("$.review[0].aspects[0].marks[*].value").isEqualTo(List.of(0, 3, 1))
                .jsonPath("$.consistency.judgementSpread").isEqualTo(1)
                .jsonPath("$.consistency.aspects[*].aspectId").isEqualTo(List.of("M1", "M2", "J1"))
                .jsonPath("$.consistency.aspects[*].panels").isEqualTo(List.of(2, 2, 2))
                .jsonPath("$.consistency.aspects[*].maxSpread").isEqualTo(List.of(5, 0, 3))
                .jsonPath("$.consistency.aspects[*].meanSpread").isEqualTo(List.of(2.5, 0.0, 1.5))
                .jsonPath("$.consistency.aspects[*].panelsApart").isEqualTo(List.of(1, 0, 1))
                .jsonPath("$.consistency.judges[*].judgeId").isEqualTo(ids(x, y, z))
                .jsonPath("$.consistency.judges[*].marks").isEqualTo(List.of(1, 2, 1))
                .jsonPath("$.consistency.judges[*].meanDeviation").isEqualTo(List.of(-1.333, 0.833, -0.333))
                .jsonPath("$.consistency.judges[*].outliers").isEqualTo(List.of(1, 1, 0));

        // Y and Z settle A's judgement: the queue empties, and X's sheet for A is the one left apart.
        MarkingFixtures.replace(y.client(), event, a, y.id(), "\"0\"", key(), sheet("M1", 45, "M2", 10, "J1", 1))
                .expectStatus().isOk();
        admin.get().uri("/api/events/{e}/desk", event).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.review.length()").isEqualTo(0)
                .jsonPath("$.progress.received").isEqualTo(12)
                .jsonPath("$.consistency.aspects[2].maxSpread").isEqualTo(1);
    }

    /**
     * Judge X's worklist: A marked in full but in dispute on J1 (X 0, Y 2, Z 1; X's re-mark to 1 settles it), B left
     * out (a declared conflict), C marked on M1 only, D not yet; E is withdrawn and left out. The scheme's marked
     * aspects come with their maxima, allowed marks and level descriptors.
     */
    @Test
    void aJudgesWorklistListsWhatIsLeftToMarkAndToReMark() {
        MarkingFixtures fixtures = new MarkingFixtures(web, database);
        WebTestClient admin = fixtures.admin();
        long event = fixtures.event(MarkingFixtures.SCHEME);
        long a = fixtures.entry();
        long b = fixtures.entry();
        long c = fixtures.entry();
        long d = fixtures.entry();
        long e = fixtures.entry();
        List<Judge> judges = fixtures.judges(3);
        Judge x = judges.get(0);
        admin.post().uri("/api/events/{e}/panel/{j}/conflicts", event, x.id())
                .bodyValue(Map.of("registrationId", b, "reason", "同一班组")).exchange().expectStatus().isCreated();
        fixtures.startMarking();
        submit(x.client(), event, a, key(), sheet("M1", 40, "M2", 10, "J1", 0)).expectStatus().isCreated();
        submit(judges.get(1).client(), event, a, key(), sheet("J1", 2)).expectStatus().isCreated();
        submit(judges.get(2).client(), event, a, key(), sheet("J1", 1)).expectStatus().isCreated();
        submit(x.client(), event, c, key(), sheet("M1", 35.5)).expectStatus().isCreated();
        admin.post().uri("/api/events/{e}/registrations/{r}/withdrawal", event, e)
                .header("If-Match", "\"0\"").bodyValue(Map.of("reason", "身体不适")).exchange().expectStatus().isOk();

        admin.get().uri("/api/events/{e}/worklist", event).exchange().expectStatus().isForbidden();
        x.client().get().uri("/api/events/{e}/worklist", event).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.open").isEqualTo(true)
                .jsonPath("$.judgeId").isEqualTo(x.id())
                .jsonPath("$.aspects[*].aspectId").isEqualTo(List.of("M1", "M2", "J1"))
                .jsonPath("$.aspects[1].allowedMarks").isEqualTo(List.of(0, 10))
                .jsonPath("$.aspects[2].type").isEqualTo("JUDGEMENT")
                .jsonPath("$.aspects[2].levelDescriptors[3]").isEqualTo("优秀")
                .jsonPath("$.entries[*].registrationId").isEqualTo(List.of(a, c, d).stream()
                        .map(id -> (Number) Math.toIntExact(id)).toList())
                .jsonPath("$.entries[*].progress").isEqualTo(List.of("TO_REVIEW", "PARTLY_MARKED", "TO_MARK"))
                .jsonPath("$.entries[0].toReview").isEqualTo(List.of("J1"))
                .jsonPath("$.entries[0].sheetVersion").isEqualTo(0)
                .jsonPath("$.entries[1].marks[0].value").isEqualTo(35.5)
                .jsonPath("$.entries[2].sheetVersion").doesNotExist()
                .jsonPath("$.counts.entries").isEqualTo(3)
                .jsonPath("$.counts.toReview").isEqualTo(1)
                .jsonPath("$.counts.partlyMarked").isEqualTo(1)
                .jsonPath("$.counts.toMark").isEqualTo(1)
                .jsonPath("$.counts.marked").isEqualTo(0);

        MarkingFixtures.replace(x.client(), event, a, x.id(), "\"0\"", key(), sheet("M1", 40, "M2", 10, "J1", 1))
                .expectStatus().isOk();
        x.client().get().uri("/api/events/{e}/worklist", event).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries[0].progress").isEqualTo("MARKED")
                .jsonPath("$.entries[0].sheetVersion").isEqualTo(1)
                .jsonPath("$.counts.marked").isEqualTo(1);
    }

    /** A deduction or disqualification the model expects to wait: what the desk must show of it. */
    private record Waiting(long penaltyId, long registrationId, String kind, String aspectId, BigDecimal points,
                           String reason, long judgeId) {
    }

    /**
     * What waits for approval, against a model: random deductions (with and without points) and disqualifications
     * recorded by two judges on three entries, some approved and some rejected by the chief judge as they come. The
     * desk lists exactly the model's pending ones, oldest first, each with its entry's numbers and its judge; closing
     * marking is refused naming each entry with as many pending deductions, and a pending disqualification, as the
     * model holds.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261218L, 5L, 99L})
    @SuppressWarnings("unchecked")
    void theDeskListsExactlyWhatWaitsForTheChiefJudge(long seed) {
        Random random = new Random(seed);
        MarkingFixtures fixtures = new MarkingFixtures(web, database);
        WebTestClient admin = fixtures.admin();
        long event = fixtures.event(MarkingFixtures.SCHEME);
        List<Long> entries = new ArrayList<>();
        Map<Long, String> stations = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            String station = "P-" + (i + 1);
            long entry = fixtures.entry(station, false);
            entries.add(entry);
            stations.put(entry, station);
        }
        List<Judge> judges = fixtures.judges(2);
        Judge chief = fixtures.chiefJudge();
        fixtures.startMarking();

        List<Waiting> waiting = new ArrayList<>();
        Map<Long, Boolean> disqualified = new HashMap<>(); // an entry with a disqualification pending or approved
        for (int step = 0; step < 10; step++) {
            if (!waiting.isEmpty() && random.nextInt(3) == 0) {
                Waiting decided = waiting.remove(random.nextInt(waiting.size()));
                boolean approve = random.nextBoolean();
                decide(chief.client(), event, decided.penaltyId(), approve ? Map.of("outcome", "APPROVED")
                        : Map.of("outcome", "REJECTED", "reason", "复核不成立 " + step)).expectStatus().isOk();
                if (decided.kind().equals("DISQUALIFICATION") && !approve) {
                    disqualified.remove(decided.registrationId());
                }
                continue;
            }
            long entry = entries.get(random.nextInt(entries.size()));
            Judge judge = judges.get(random.nextInt(judges.size()));
            Map<String, Object> body = new HashMap<>(Map.of("reason", "违规 " + seed + "-" + step));
            boolean disqualification = !disqualified.containsKey(entry) && random.nextInt(4) == 0;
            BigDecimal points = null;
            if (disqualification) {
                body.put("kind", "DISQUALIFICATION");
            } else {
                body.put("kind", "DEDUCTION");
                body.put("aspectId", "D1");
                points = BigDecimal.valueOf(5); // D1's points per violation, when none are given
                if (random.nextBoolean()) {
                    points = BigDecimal.valueOf(1 + random.nextInt(4));
                    body.put("points", points);
                }
            }
            Map<String, Object> recorded = penalize(judge.client(), event, entry, key(), body).expectStatus()
                    .isCreated().expectBody(Map.class).returnResult().getResponseBody();
            waiting.add(new Waiting(((Number) recorded.get("id")).longValue(), entry, (String) body.get("kind"),
                    (String) body.get("aspectId"), points, (String) body.get("reason"), judge.id()));
            if (disqualification) {
                disqualified.put(entry, true);
            }
        }

        Map<String, Object> desk = chief.client().get().uri("/api/events/{e}/desk", event).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> pending = (List<Map<String, Object>>) desk.get("pending");
        List<Waiting> expected = waiting.stream()
                .sorted(java.util.Comparator.comparingLong(Waiting::penaltyId)).toList();
        assertThat(expected).as("the seed leaves something waiting").isNotEmpty();
        assertThat(pending).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Waiting want = expected.get(i);
            Map<String, Object> got = pending.get(i);
            assertThat(((Number) got.get("penaltyId")).longValue()).isEqualTo(want.penaltyId());
            assertThat(((Number) got.get("registrationId")).longValue()).isEqualTo(want.registrationId());
            assertThat(got.get("registrationNumber")).isEqualTo(registrationNumber(admin, event,
                    want.registrationId()));
            assertThat(got.get("stationNumber")).isEqualTo(stations.get(want.registrationId()));
            assertThat(got.get("kind")).isEqualTo(want.kind());
            assertThat(got.get("aspectId")).isEqualTo(want.aspectId());
            if (want.points() == null) {
                assertThat(got.get("points")).isNull();
            } else {
                assertThat(new BigDecimal(got.get("points").toString())).isEqualByComparingTo(want.points());
            }
            assertThat(got.get("reason")).isEqualTo(want.reason());
            assertThat(((Number) got.get("judgeId")).longValue()).isEqualTo(want.judgeId());
            assertThat(got.get("judgeName")).isEqualTo(judgeName(admin, want.judgeId()));
            assertThat(got.get("recordedAt")).isNotNull();
        }

        // The same source holds closing back: per entry, the pending deductions counted and a pending
        // disqualification named.
        Map<String, Object> refused = fixtures.move("REVIEW", 409).expectBody(Map.class).returnResult()
                .getResponseBody();
        Map<String, String> blocking = new TreeMap<>();
        for (Map<String, Object> error : (List<Map<String, Object>>) refused.get("errors")) {
            if (((String) error.get("rule")).startsWith("publication.pending")) {
                blocking.merge(error.get("field") + " " + error.get("rule"), (String) error.get("message"),
                        (a, b) -> a + " | " + b);
            }
        }
        Map<String, Long> model = new TreeMap<>();
        for (Waiting want : expected) {
            model.merge("registration/" + want.registrationId() + " publication.pending"
                    + (want.kind().equals("DEDUCTION") ? "Deduction" : "Disqualification"), 1L, Long::sum);
        }
        assertThat(blocking.keySet()).isEqualTo(model.keySet());
        model.forEach((key, count) -> {
            if (key.endsWith("Deduction")) {
                assertThat(blocking.get(key)).contains("有 " + count + " 项扣分");
            }
        });
    }

    private static Object registrationNumber(WebTestClient admin, long event, long entry) {
        return admin.get().uri("/api/events/{e}/registrations/{r}", event, entry).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("registrationNumber");
    }

    private static Object judgeName(WebTestClient admin, long judge) {
        return admin.get().uri("/api/judges/{j}", judge).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("name");
    }

    /** Ids as JSON numbers read back: small ones are Integers. */
    private static List<Number> ids(Judge... judges) {
        return java.util.Arrays.stream(judges).map(judge -> (Number) Math.toIntExact(judge.id())).toList();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
