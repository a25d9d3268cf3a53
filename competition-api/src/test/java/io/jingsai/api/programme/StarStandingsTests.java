package io.jingsai.api.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestAccounts;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.judging.MarkingFixtures;

/**
 * Competition stars and the incentive fund over HTTP on PostgreSQL. A programme has events in three trades: a harsh
 * one (low totals), a lenient one (high totals) and a third whose totals spread exactly as the lenient one's. The
 * board is checked against a model written here: each event's totals standardised by the reference formula (700 +
 * (x − mean) / population SD × 100, rounded HALF_UP to two places), ranked "1224", the stars tier the top of it with
 * everyone tied at the cut-off (INCLUDE_ALL). The fund is checked against a brute-force largest-remainder model.
 */
@IntegrationTest
class StarStandingsTests {

    /** One measured aspect out of 100: one judge's mark is the total. */
    static final String SCHEME = """
            {"declaredTotal": 100, "defaultAggregation": {"kind": "MEDIAN"},
             "criteria": [{"id": "A", "name": "实操", "subCriteria": [{"id": "A1", "name": "线路安装", "aspects": [
               {"id": "M1", "description": "功能正确", "type": "MEASUREMENT", "maxMark": 100}]}]}]}""";

    static final String RULES = "{\"tieBreak\": [{\"key\": \"total\", \"order\": \"DESCENDING\"}]}";

    static final int[] HARSH = {40, 45, 50, 55, 75};
    static final int[] LENIENT = {85, 88, 90, 92, 95};
    /** The lenient trade's totals 20 lower: the same standardised scores, so its best ties the lenient best. */
    static final int[] SHIFTED = {65, 68, 70, 72, 75};
    static final int STARS_QUOTA = 2;

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    WebTestClient admin;
    MarkingFixtures marking;
    RegistryFixtures fixtures;
    TestRegistry registry;

    /** A contestant's entry in an event and the total the judge gave. */
    record Entrant(long contestant, long registration, int total) {
    }

    /** A programme of three events, one per trade, with the judge of the first. */
    record Programme(long id, List<Long> events, List<List<Entrant>> entrants, MarkingFixtures.Judge judge) {
    }

    @BeforeEach
    void setUp() {
        marking = new MarkingFixtures(web, database);
        admin = marking.admin();
        fixtures = new RegistryFixtures(admin, database);
        registry = new TestRegistry(admin);
    }

    @Test
    void starsAreRankedAcrossTradesByStandardisedScoreWithEveryoneTiedAtTheCutOffInTheTier() {
        Programme programme = programme();

        Map<String, Object> live = stars(programme.id(), null);
        assertThat(live.get("basis")).isEqualTo("LIVE");
        assertThat(live.get("provisional")).isEqualTo(true);
        assertThat(live.get("published")).isEqualTo(false);
        assertThat(entries(live)).allSatisfy(entry -> assertThat(entry.get("provisional")).isEqualTo(true));
        assertBoardIsTheModel(live, programme);

        Map<Long, Map<String, Object>> byContestant = new HashMap<>();
        entries(live).forEach(entry -> byContestant.put(number(entry.get("contestantId")).longValue(), entry));
        Entrant strongHarsh = programme.entrants().get(0).get(4);
        Entrant middlingLenient = programme.entrants().get(1).get(2);
        assertThat(strongHarsh.total()).isLessThan(middlingLenient.total());
        assertThat(rank(byContestant.get(strongHarsh.contestant())))
                .as("75 in the harsh trade outranks 90 in the lenient one")
                .isLessThan(rank(byContestant.get(middlingLenient.contestant())));

        Entrant lenientBest = programme.entrants().get(1).get(4);
        Entrant shiftedBest = programme.entrants().get(2).get(4);
        assertThat(rank(byContestant.get(lenientBest.contestant())))
                .isEqualTo(rank(byContestant.get(shiftedBest.contestant()))).isEqualTo(2);
        assertThat(live.get("tier")).isEqualTo(Map.of("quota", STARS_QUOTA, "members", 3, "overflow", 1,
                "shortfall", 0));
        assertThat(entries(live).stream().filter(entry -> entry.get("star").equals(true))
                .map(entry -> number(entry.get("contestantId")).longValue()))
                .containsExactlyInAnyOrder(strongHarsh.contestant(), lenientBest.contestant(),
                        shiftedBest.contestant());

        assertThat(entries(stars(programme.id(), "PUBLISHED"))).as("nothing published yet").isEmpty();
        programme.events().forEach(event -> fixtures.moveEvent(event, "REVIEW"));
        Map<String, Object> review = stars(programme.id(), "FINAL");
        assertThat(review.get("provisional")).isEqualTo(false);
        assertThat(review.get("published")).isEqualTo(false);
        assertBoardIsTheModel(review, programme);

        programme.events().forEach(event -> fixtures.moveEvent(event, "PUBLISHED"));
        Map<String, Object> published = stars(programme.id(), "PUBLISHED");
        assertThat(published.get("published")).isEqualTo(true);
        assertBoardIsTheModel(published, programme);
    }

    /**
     * Seeded fund amounts, tier weights and rank bands over one published programme: every member's part is the
     * brute-force model's (tiers first, the key tier without published projects left out, then the stars tier's
     * members in board order), the parts add up to the fund exactly, and asking again gives the same allocation.
     */
    @ParameterizedTest
    @ValueSource(longs = {5, 23, 2026})
    @SuppressWarnings("unchecked")
    void theFundIsSplitExactlyToTheFenAsTheLargestRemainderModelSplitsIt(long seed) {
        Programme programme = programme();
        programme.events().forEach(event -> fixtures.moveEvent(event, "PUBLISHED"));
        Random random = new Random(seed);
        long fund = random.nextInt(3) == 0 ? random.nextInt(7) : random.nextLong(1_500_000_000L);
        BigDecimal starsWeight = BigDecimal.valueOf(1 + random.nextInt(999), 2);
        List<Map<String, Object>> bands = random.nextBoolean() ? List.of()
                : List.of(Map.of("maxRank", 1, "weight", 1 + random.nextInt(5)), Map.of("weight", 1));
        Map<String, Object> request = Map.of("fundFen", fund, "tiers", List.of(
                Map.of("tier", "STARS", "weight", starsWeight, "rankBands", bands),
                Map.of("tier", "KEY", "weight", 3)));

        Map<String, Object> allocation = allocate(admin, programme.id(), request).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(number(allocation.get("fundFen")).longValue()).isEqualTo(fund);
        assertThat(number(allocation.get("allocatedFen")).longValue()).isEqualTo(fund);
        List<Map<String, Object>> tiers = (List<Map<String, Object>>) allocation.get("tiers");
        assertThat(tiers).extracting(tier -> tier.get("tier")).containsExactly("KEY", "STARS");
        assertThat(tiers.get(0).get("counted")).isEqualTo(false);
        assertThat(number(tiers.get(0).get("fen")).longValue()).isZero();
        Map<String, Object> starsTier = tiers.get(1);
        assertThat(number(starsTier.get("fen")).longValue()).isEqualTo(fund);
        List<Map<String, Object>> members = (List<Map<String, Object>>) starsTier.get("members");
        List<Map<String, Object>> board = entries(stars(programme.id(), "PUBLISHED")).stream()
                .filter(entry -> entry.get("star").equals(true)).toList();
        assertThat(members).extracting(member -> number(member.get("id")).longValue())
                .containsExactlyElementsOf(board.stream().map(entry -> number(entry.get("contestantId")).longValue())
                        .toList());
        List<BigDecimal> weights = board.stream().map(entry -> !bands.isEmpty() && rank(entry) <= 1
                ? new BigDecimal(bands.get(0).get("weight").toString()) : BigDecimal.ONE).toList();
        long[] expected = fund == 0 ? new long[members.size()] : LargestRemainderModel.allocate(fund, weights);
        assertThat(members).extracting(member -> number(member.get("fen")).longValue())
                .containsExactly(java.util.stream.LongStream.of(expected).boxed().toArray(Long[]::new));
        assertThat(members.stream().mapToLong(member -> number(member.get("fen")).longValue()).sum())
                .isEqualTo(fund);

        assertThat(allocate(admin, programme.id(), request).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody()).as("reproducible").isEqualTo(allocation);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFundWaitsForPublishedResultsAndRefusesRulesBrokenAcrossFields() {
        Programme programme = programme();
        Map<String, Object> starsOnly = Map.of("tiers", List.of(Map.of("tier", "STARS", "weight", 1)));
        allocate(admin, programme.id(), starsOnly).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("竞赛活动 " + programme.id() + " 中有权重的层级尚无已公布的结果"));

        Map<String, Object> refused = allocate(admin, programme.id(), Map.of("tiers", List.of(
                Map.of("tier", "STARS", "weight", 0),
                Map.of("tier", "STARS", "weight", 0, "rankBands", List.of(Map.of("weight", 1),
                        Map.of("maxRank", 3, "weight", 1))))))
                .expectStatus().isBadRequest().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, String> rules = new HashMap<>();
        ((List<Map<String, Object>>) refused.get("errors"))
                .forEach(error -> rules.put((String) error.get("field"), (String) error.get("rule")));
        assertThat(rules).isEqualTo(Map.of("tiers[1].tier", "fund.tierTwice",
                "tiers[1].rankBands[0].maxRank", "fund.rankBandOpenEnd",
                "tiers[1].rankBands[1].maxRank", "fund.rankBandOpenEnd",
                "tiers", "fund.noWeight"));
    }

    @Test
    void onlyTheProgrammesOrganizersSeeStarsAndAllocateTheFund() {
        Programme programme = programme();
        Map<String, Object> body = Map.of("tiers", List.of(Map.of("tier", "STARS", "weight", 1)));
        WebTestClient organizer = new TestAccounts(admin, web)
                .signedIn(Map.of("role", "ORGANIZER", "programmeId", programme.id()));
        organizer.get().uri("/api/programmes/{p}/star-standings", programme.id()).exchange().expectStatus().isOk();
        allocate(organizer, programme.id(), body).expectStatus().isEqualTo(409);
        WebTestClient judge = programme.judge().client();
        judge.get().uri("/api/programmes/{p}/star-standings", programme.id()).exchange().expectStatus()
                .isForbidden();
        allocate(judge, programme.id(), body).expectStatus().isForbidden();
        WebTestClient anonymous = TestClients.anonymous(web);
        anonymous.get().uri("/api/programmes/{p}/star-standings", programme.id()).exchange().expectStatus()
                .isUnauthorized();
        allocate(anonymous, programme.id(), body).expectStatus().isUnauthorized();
    }

    // --- the programme --------------------------------------------------------------------------------------------

    private Programme programme() {
        Map<String, Object> body = RegistryFixtures.programmeBody(TestIdentities.unique("标兵竞赛"));
        body.put("quotas", Map.of("stars", STARS_QUOTA));
        long programme = fixtures.programme(body);
        long enterprise = registry.enterprise();
        List<Long> events = new ArrayList<>();
        List<List<Entrant>> entrants = new ArrayList<>();
        MarkingFixtures.Judge first = null;
        for (int[] totals : List.of(HARSH, LENIENT, SHIFTED)) {
            long trade = registry.trade();
            Map<String, Object> event = RegistryFixtures.eventBody(programme, trade, TestIdentities.unique("赛项"));
            event.put("scheme", RegistryFixtures.json(SCHEME));
            event.put("rules", RegistryFixtures.json(RULES));
            long id = fixtures.event(event);
            List<Entrant> entered = new ArrayList<>();
            for (int total : totals) {
                long contestant = registry.contestant(enterprise, trade);
                long registration = registry.create("/api/events/" + id + "/registrations",
                        Map.of("contestantId", contestant));
                entered.add(new Entrant(contestant, registration, total));
            }
            marking.event = id;
            MarkingFixtures.Judge judge = marking.judges(1).get(0);
            first = first == null ? judge : first;
            fixtures.moveEvent(id, "MARKING");
            for (Entrant entrant : entered) {
                MarkingFixtures.submit(judge.client(), id, entrant.registration(), UUID.randomUUID().toString(),
                        MarkingFixtures.sheet("M1", entrant.total())).expectStatus().isCreated();
            }
            events.add(id);
            entrants.add(entered);
        }
        return new Programme(programme, events, entrants, first);
    }

    // --- the model ------------------------------------------------------------------------------------------------

    /** Every contestant's standardised score by the reference formula, computed here. */
    static Map<Long, BigDecimal> model(Programme programme) {
        MathContext mc = new MathContext(50);
        Map<Long, BigDecimal> scores = new LinkedHashMap<>();
        for (List<Entrant> event : programme.entrants()) {
            BigDecimal n = BigDecimal.valueOf(event.size());
            BigDecimal mean = event.stream().map(e -> BigDecimal.valueOf(e.total()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, mc);
            BigDecimal variance = event.stream().map(e -> BigDecimal.valueOf(e.total()).subtract(mean).pow(2))
                    .reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, mc);
            BigDecimal sd = variance.sqrt(mc);
            for (Entrant entrant : event) {
                BigDecimal z = BigDecimal.valueOf(entrant.total()).subtract(mean).divide(sd, mc);
                scores.put(entrant.contestant(), BigDecimal.valueOf(700).add(z.multiply(BigDecimal.valueOf(100)))
                        .setScale(2, RoundingMode.HALF_UP));
            }
        }
        return scores;
    }

    /** The board equals the model: scores, ranks "1224" (by brute force), display order, and the tier (INCLUDE_ALL). */
    private static void assertBoardIsTheModel(Map<String, Object> board, Programme programme) {
        Map<Long, BigDecimal> scores = model(programme);
        List<Long> order = scores.keySet().stream()
                .sorted(Comparator.comparing((Long id) -> scores.get(id), Comparator.reverseOrder())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        List<Map<String, Object>> entries = entries(board);
        assertThat(entries).extracting(entry -> number(entry.get("contestantId")).longValue())
                .containsExactlyElementsOf(order);
        for (Map<String, Object> entry : entries) {
            long id = number(entry.get("contestantId")).longValue();
            BigDecimal score = scores.get(id);
            long better = scores.values().stream().filter(other -> other.compareTo(score) > 0).count();
            assertThat(new BigDecimal(entry.get("score").toString())).as("score of %s", id).isEqualByComparingTo(score);
            assertThat(rank(entry)).as("rank of %s", id).isEqualTo(better + 1);
            assertThat(entry.get("star")).as("star %s", id).isEqualTo(better + 1 <= STARS_QUOTA);
        }
    }

    // --- requests -------------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Map<String, Object> stars(long programme, String basis) {
        return admin.get().uri(builder -> {
            builder.path("/api/programmes/{p}/star-standings");
            if (basis != null) {
                builder.queryParam("basis", basis);
            }
            return builder.build(programme);
        }).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static WebTestClient.ResponseSpec allocate(WebTestClient client, long programme, Object body) {
        return client.post().uri("/api/programmes/{p}/fund-allocation", programme).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> board) {
        return (List<Map<String, Object>>) board.get("entries");
    }

    private static int rank(Map<String, Object> entry) {
        return number(entry.get("rank")).intValue();
    }

    private static Number number(Object value) {
        return (Number) value;
    }
}
