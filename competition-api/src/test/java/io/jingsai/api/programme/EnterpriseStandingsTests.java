package io.jingsai.api.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

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
 * The enterprises board (万家企业) and the split stars boards over HTTP on PostgreSQL. A programme has events in three
 * trades, entrants of four enterprises in four regions, and two evaluated projects; the board is checked against a
 * brute-force recomputation written here from the totals the judges gave: each event's totals standardised by the
 * reference formula ({@link StarStandingsTests#model}), stars as the top of all contestants, awards as the events'
 * bands fill by places, the projects' tiers from their KPI values, and the index as counts times weights, ranked
 * "1224" with the tier the top of it (INCLUDE_ALL). A split board's members are the brute-force top of that split.
 */
@IntegrationTest
class EnterpriseStandingsTests {

    /** Award bands by places: one first prize, one second, two thirds. */
    static final String RULES = """
            {"tieBreak": [{"key": "total", "order": "DESCENDING"}],
             "awards": {"bands": [{"name": "一等奖", "places": 1}, {"name": "二等奖", "places": 1},
                                  {"name": "三等奖", "places": 2}]}}""";
    static final int[] LEVEL_BY_PLACE = {1, 2, 3, 3};
    static final int STARS = 3;
    static final int ENTERPRISES = 2;
    /** Regions of the four enterprises: two in Xi'an (6101), one in Baoji (6103), one in Xianyang (6104). */
    static final List<String> REGIONS = List.of("610102", "610103", "610302", "610402");

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    WebTestClient admin;
    MarkingFixtures marking;
    RegistryFixtures fixtures;
    TestRegistry registry;

    /** A contestant's entry: the enterprise (by index into the programme's), the event (by index) and the total. */
    record Entrant(long contestant, long registration, int enterprise, int event, int total) {
    }

    /** Weights of the index as sent. */
    record Weights(BigDecimal contestant, BigDecimal star, List<BigDecimal> awards, BigDecimal key,
                   BigDecimal demonstration) {

        Map<String, Object> body(String cutOffPolicy) {
            return Map.of("contestantWeight", contestant, "starWeight", star, "awardWeights", awards,
                    "keyProjectWeight", key, "demonstrationProjectWeight", demonstration, "cutOffPolicy",
                    cutOffPolicy);
        }

        BigDecimal award(int level) {
            return level <= awards.size() ? awards.get(level - 1) : BigDecimal.ZERO;
        }
    }

    record Programme(long id, Map<String, Object> body, List<Long> enterprises, List<Long> events,
                     List<Entrant> entrants, long demonstrationHost, long keyHost, MarkingFixtures.Judge judge) {
    }

    @BeforeEach
    void setUp() {
        marking = new MarkingFixtures(web, database);
        admin = marking.admin();
        fixtures = new RegistryFixtures(admin, database);
        registry = new TestRegistry(admin);
    }

    /**
     * Seeded entrants, totals and weights: the board on LIVE (no awards yet, projects counted as they stand) and on
     * FINAL once marking has closed (awards counted, the projects not yet reviewed left out) equals the brute force.
     */
    @ParameterizedTest
    @ValueSource(longs = {7, 61, 2026})
    void theIndexIsTheBruteForceRecomputationFromTheJudgesTotals(long seed) {
        Random random = new Random(seed);
        Weights weights = new Weights(decimal(random, 300), decimal(random, 2000),
                List.of(decimal(random, 1000), decimal(random, 500)), decimal(random, 3000), decimal(random, 5000));
        Programme programme = programme(random, Map.of("enterpriseIndex", weights.body("INCLUDE_ALL")));

        Map<String, Object> live = enterprises(programme.id(), "LIVE");
        assertThat(live.get("provisional")).isEqualTo(true);
        assertThat(live.get("projectsCounted")).isEqualTo(true);
        assertThat(live.get("awardEvents")).asList().isEmpty();
        assertBoardIsTheBruteForce(live, programme, weights, false, true);

        programme.events().forEach(event -> fixtures.moveEvent(event, "REVIEW"));
        Map<String, Object> review = enterprises(programme.id(), "FINAL");
        assertThat(review.get("projectsCounted")).as("the evaluation is not reviewed yet").isEqualTo(false);
        assertThat(review.get("awardEvents")).asList().hasSize(3);
        assertBoardIsTheBruteForce(review, programme, weights, true, false);

        assertThat(entries(enterprises(programme.id(), "PUBLISHED"))).as("nothing published: entries only")
                .allSatisfy(entry -> assertThat(number(part(entry, "stars").get("count")).intValue()).isZero());
    }

    /**
     * Split boards by region and by key area: their members are exactly the brute-force top of each split (ties at the
     * cut-off all enter: BREAK_BY_CHAIN has no key after the score to break them by).
     */
    @ParameterizedTest
    @ValueSource(longs = {3, 404})
    void eachSplitBoardIsTheBruteForceTopOfItsSplit(long seed) {
        Random random = new Random(seed);
        Programme programme = programme(random, Map.of("starRule", Map.of("cutOffPolicy", "BREAK_BY_CHAIN",
                "splitBy", "REGION", "splits", List.of(Map.of("key", "610100", "quota", 2),
                        Map.of("key", "610300", "quota", 1)))));
        Map<Long, BigDecimal> scores = scores(programme);

        assertSplitIsTheBruteForce(stars(programme.id(), "610100"), "REGION", "610100", 2, scores,
                entrant -> REGIONS.get(entrant.enterprise()).startsWith("6101"), programme);
        assertSplitIsTheBruteForce(stars(programme.id(), "610300"), "REGION", "610300", 1, scores,
                entrant -> REGIONS.get(entrant.enterprise()).startsWith("6103"), programme);
        Map<String, Object> whole = stars(programme.id(), null);
        assertThat(whole.get("split")).isNull();
        assertThat(number(((Map<?, ?>) whole.get("tier")).get("quota")).intValue()).isEqualTo(STARS);

        Map<String, Object> body = new HashMap<>(programme.body());
        body.put("starRule", Map.of("splitBy", "KEY_AREA", "splits", List.of(Map.of("key", "TECH", "quota", 2),
                Map.of("key", "INDUSTRY", "quota", 1))));
        change(programme.id(), body).expectStatus().isOk();
        assertSplitIsTheBruteForce(stars(programme.id(), "TECH"), "KEY_AREA", "TECH", 2, scores,
                entrant -> entrant.event() < 2, programme);
        assertSplitIsTheBruteForce(stars(programme.id(), "INDUSTRY"), "KEY_AREA", "INDUSTRY", 1, scores,
                entrant -> entrant.event() == 2, programme);

        admin.get().uri("/api/programmes/{p}/star-standings?split=610100", programme.id()).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("split")
                .jsonPath("$.errors[0].rule").isEqualTo("starSplit.unknown");
    }

    /**
     * Three enterprises by contestants entered only (3, 2, 2) and a tier of 2: the two tied at its last place all
     * enter under INCLUDE_ALL and BREAK_BY_CHAIN (the board has no key after the index), none under EXCLUDE_ALL. The
     * first enterprise's 3 are two entered alone and a new one entered with one of them as a team; its withdrawn
     * entrant is not counted, nor is the member entered twice counted twice.
     */
    @Test
    void enterprisesTiedAtTheCutOffEnterOrStayOutByThePolicy() {
        Weights contestantsOnly = new Weights(BigDecimal.ONE, BigDecimal.ZERO, List.of(), BigDecimal.ZERO,
                BigDecimal.ZERO);
        Map<String, Object> body = RegistryFixtures.programmeBody(TestIdentities.unique("万家企业"));
        body.put("quotas", Map.of("enterprises", ENTERPRISES));
        body.put("enterpriseIndex", contestantsOnly.body("INCLUDE_ALL"));
        long programme = fixtures.programme(body);
        long trade = registry.trade();
        long event = fixtures.event(RegistryFixtures.eventBody(programme, trade, TestIdentities.unique("赛项")));
        List<Long> enterprises = new ArrayList<>();
        List<Long> alone = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long enterprise = enterprise("610102");
            enterprises.add(enterprise);
            for (int j = 0; j < 2; j++) {
                long contestant = registry.contestant(enterprise, trade);
                alone.add(contestant);
                registry.create("/api/events/" + event + "/registrations", Map.of("contestantId", contestant));
            }
        }
        long first = enterprises.get(0);
        long withdrawn = registry.create("/api/events/" + event + "/registrations",
                Map.of("contestantId", registry.contestant(first, trade)));
        admin.post().uri("/api/events/{e}/registrations/{r}/withdrawal", event, withdrawn)
                .header("If-Match", "\"0\"").bodyValue(Map.of("reason", "身体不适")).exchange().expectStatus().isOk();
        Map<String, Object> teamEvent = RegistryFixtures.eventBody(programme, trade, TestIdentities.unique("班组赛"));
        teamEvent.put("entryKind", "TEAM");
        long team = registry.team(first, List.of(alone.get(0), registry.contestant(first, trade)));
        registry.create("/api/events/" + fixtures.event(teamEvent) + "/registrations", Map.of("teamId", team));
        Map<String, Integer> members = Map.of("INCLUDE_ALL", 3, "BREAK_BY_CHAIN", 3, "EXCLUDE_ALL", 1);
        for (String policy : List.of("INCLUDE_ALL", "EXCLUDE_ALL", "BREAK_BY_CHAIN")) {
            body.put("enterpriseIndex", contestantsOnly.body(policy));
            change(programme, body).expectStatus().isOk();
            Map<String, Object> board = enterprises(programme, "LIVE");
            assertThat(entries(board)).extracting(entry -> number(entry.get("enterpriseId")).longValue())
                    .containsExactlyElementsOf(enterprises);
            assertThat(entries(board)).extracting(entry -> number(entry.get("rank")).intValue())
                    .containsExactly(1, 2, 2);
            assertThat(entries(board)).extracting(entry -> number(part(entry, "contestants").get("count")).intValue())
                    .containsExactly(3, 2, 2);
            assertThat(entries(board)).extracting(entry -> entry.get("inTier"))
                    .as(policy).containsExactly(true, !policy.equals("EXCLUDE_ALL"), !policy.equals("EXCLUDE_ALL"));
            int in = members.get(policy);
            assertThat(board.get("tier")).as(policy).isEqualTo(Map.of("quota", ENTERPRISES, "members", in,
                    "overflow", Math.max(0, in - ENTERPRISES), "shortfall", Math.max(0, ENTERPRISES - in)));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void rulesThatDoNotFitAreRefusedNamingFieldAndRuleAndWriteNothing() {
        String name = TestIdentities.unique("万家企业");
        Map<String, Object> body = RegistryFixtures.programmeBody(name);
        body.put("quotas", Map.of("stars", 10));
        body.put("enterpriseIndex", Map.of("contestantWeight", -1, "awardWeights", List.of(1, -2)));
        body.put("starRule", Map.of("splitBy", "REGION", "splits", List.of(Map.of("key", "610100", "quota", 6),
                Map.of("key", "610102", "quota", 3), Map.of("key", "610100", "quota", 1),
                Map.of("key", "990000", "quota", 1))));
        assertThat(refused(body)).isEqualTo(Map.of(
                "enterpriseIndex.contestantWeight", "decimalMin",
                "enterpriseIndex.awardWeights[1]", "decimalMin"));
        body.put("enterpriseIndex", Map.of("contestantWeight", 0, "starWeight", 0, "awardWeights", List.of(0),
                "keyProjectWeight", 0, "demonstrationProjectWeight", 0));
        assertThat(refused(body)).isEqualTo(Map.of(
                "enterpriseIndex", "enterpriseIndex.noWeight",
                "starRule.splits[1].key", "starSplit.regionsOverlap",
                "starRule.splits[2].key", "starSplit.keyTwice",
                "starRule.splits[3].key", "divisionCode.province",
                "starRule.splits", "starSplit.overQuota"));
        body.remove("enterpriseIndex");
        body.put("starRule", Map.of("splitBy", "KEY_AREA", "splits", List.of(Map.of("key", "ROADS", "quota", 1))));
        assertThat(refused(body)).isEqualTo(Map.of("starRule.splits[0].key", "starSplit.unknownKeyArea"));
        body.put("starRule", Map.of("splits", List.of(Map.of("key", "TECH", "quota", 1))));
        assertThat(refused(body)).isEqualTo(Map.of("starRule.splitBy", "starSplit.splitByMissing"));
        body.put("starRule", Map.of("splitBy", "KEY_AREA"));
        assertThat(refused(body)).isEqualTo(Map.of("starRule.splits", "starSplit.splitsMissing"));
        assertThat(admin.get().uri("/api/programmes?q={n}", name).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items")).asList().isEmpty();

        body.remove("starRule");
        long programme = fixtures.programme(body);
        Map<String, Object> shown = admin.get().uri("/api/programmes/{p}", programme).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((Map<String, Object>) shown.get("enterpriseIndex")).as("the documented defaults").containsAllEntriesOf(
                Map.of("contestantWeight", 1, "starWeight", 10, "awardWeights", List.of(8, 5, 3, 1),
                        "keyProjectWeight", 20, "demonstrationProjectWeight", 50, "cutOffPolicy", "INCLUDE_ALL"));
    }

    @Test
    void onlyTheProgrammesOrganizersSeeTheEnterprisesBoard() {
        long programme = fixtures.programme();
        WebTestClient organizer = new TestAccounts(admin, web)
                .signedIn(Map.of("role", "ORGANIZER", "programmeId", programme));
        organizer.get().uri("/api/programmes/{p}/enterprise-standings", programme).exchange().expectStatus().isOk();
        WebTestClient other = new TestAccounts(admin, web)
                .signedIn(Map.of("role", "ORGANIZER", "programmeId", fixtures.programme()));
        other.get().uri("/api/programmes/{p}/enterprise-standings", programme).exchange().expectStatus()
                .isNotFound(); // another programme's organizer is not told it exists
        TestClients.anonymous(web).get().uri("/api/programmes/{p}/enterprise-standings", programme).exchange()
                .expectStatus().isUnauthorized();
    }

    // --- the programme --------------------------------------------------------------------------------------------

    /**
     * Four enterprises in {@link #REGIONS}; a TECH project hosted by the first and an INDUSTRY project by the second,
     * both evaluated (the TECH one higher: it is the demonstration project, the other a key project); three events in
     * three trades (the first two of the TECH project, the third of the INDUSTRY one), each with 5 to 7 entrants of
     * random enterprises and distinct random totals, marked by one judge.
     */
    private Programme programme(Random random, Map<String, Object> rules) {
        Map<String, Object> body = RegistryFixtures.programmeBody(TestIdentities.unique("万家企业"));
        body.put("quotas", Map.of("stars", STARS, "enterprises", ENTERPRISES, "key", 2, "demonstration", 1));
        body.putAll(rules);
        long programme = fixtures.programme(body);
        List<Long> enterprises = new ArrayList<>();
        REGIONS.forEach(region -> enterprises.add(enterprise(region)));
        long tech = project(programme, "TECH", enterprises.get(0), 400);
        long industry = project(programme, "INDUSTRY", enterprises.get(1), 200);
        List<Long> events = new ArrayList<>();
        List<Entrant> entrants = new ArrayList<>();
        MarkingFixtures.Judge first = null;
        for (int e = 0; e < 3; e++) {
            long trade = registry.trade();
            Map<String, Object> event = RegistryFixtures.eventBody(programme, trade, TestIdentities.unique("赛项"));
            event.put("scheme", RegistryFixtures.json(StarStandingsTests.SCHEME));
            event.put("rules", RegistryFixtures.json(RULES));
            event.put("projectId", e < 2 ? tech : industry);
            long id = fixtures.event(event);
            List<Integer> totals = new ArrayList<>();
            for (int total = 30; total <= 99; total++) {
                totals.add(total);
            }
            Collections.shuffle(totals, random);
            List<Entrant> entered = new ArrayList<>();
            for (int i = 0; i < 5 + random.nextInt(3); i++) {
                int enterprise = random.nextInt(REGIONS.size());
                long contestant = registry.contestant(enterprises.get(enterprise), trade);
                long registration = registry.create("/api/events/" + id + "/registrations",
                        Map.of("contestantId", contestant));
                entered.add(new Entrant(contestant, registration, enterprise, e, totals.get(i)));
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
            entrants.addAll(entered);
        }
        return new Programme(programme, body, enterprises, events, entrants, enterprises.get(0), enterprises.get(1),
                first);
    }

    private long enterprise(String region) {
        return registry.create("/api/enterprises", Map.of("name", TestIdentities.unique("企业"),
                "creditCode", TestIdentities.creditCode(), "regionCode", region, "ownership", "STATE_OWNED"));
    }

    /** A project of the key area, hosted by {@code host}, whose one indicator (cost saved) has {@code cost}. */
    private long project(long programme, String keyArea, long host, int cost) {
        Map<String, Object> body = RegistryFixtures.projectBody(TestIdentities.unique("项目"), host);
        body.put("keyArea", keyArea);
        long project = fixtures.project(programme, body);
        Map<?, ?> evaluation = admin.get().uri("/api/programmes/{p}/projects/{id}/evaluation", programme, project)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        admin.put().uri("/api/programmes/{p}/projects/{id}/evaluation", programme, project)
                .header("If-Match", "\"" + number(evaluation.get("version")).longValue() + "\"")
                .bodyValue(Map.of("values", List.of(Map.of("indicator", "COST", "value", cost, "evidence", "审计报告"))))
                .exchange().expectStatus().isOk();
        return project;
    }

    // --- the brute force ------------------------------------------------------------------------------------------

    /** Every contestant's standardised score by the reference formula (each contestant enters one event). */
    private static Map<Long, BigDecimal> scores(Programme programme) {
        List<List<StarStandingsTests.Entrant>> byEvent = new ArrayList<>();
        for (int e = 0; e < programme.events().size(); e++) {
            int event = e;
            byEvent.add(programme.entrants().stream().filter(entrant -> entrant.event() == event)
                    .map(entrant -> new StarStandingsTests.Entrant(entrant.contestant(), entrant.registration(),
                            entrant.total()))
                    .toList());
        }
        return StarStandingsTests.model(new StarStandingsTests.Programme(programme.id(), programme.events(), byEvent,
                null));
    }

    /** The contestants whose score fewer than {@code quota} others beat (everyone tied at the cut-off enters). */
    private static Set<Long> top(Map<Long, BigDecimal> scores, int quota) {
        Set<Long> top = new HashSet<>();
        scores.forEach((id, score) -> {
            if (scores.values().stream().filter(other -> other.compareTo(score) > 0).count() < quota) {
                top.add(id);
            }
        });
        return top;
    }

    private void assertBoardIsTheBruteForce(Map<String, Object> board, Programme programme, Weights weights,
                                            boolean awards, boolean projects) {
        Set<Long> stars = top(scores(programme), STARS);
        Map<Long, BigDecimal> index = new LinkedHashMap<>();
        Map<Long, Map<Integer, Integer>> awarded = new HashMap<>();
        for (int e = 0; e < programme.events().size(); e++) {
            int event = e;
            List<Entrant> ranked = programme.entrants().stream().filter(entrant -> entrant.event() == event)
                    .sorted(Comparator.comparingInt(Entrant::total).reversed()).toList();
            for (int place = 0; awards && place < LEVEL_BY_PLACE.length; place++) {
                long enterprise = programme.enterprises().get(ranked.get(place).enterprise());
                awarded.computeIfAbsent(enterprise, id -> new HashMap<>()).merge(LEVEL_BY_PLACE[place], 1,
                        Integer::sum);
            }
        }
        for (int i = 0; i < programme.enterprises().size(); i++) {
            int enterprise = i;
            long id = programme.enterprises().get(i);
            List<Entrant> own = programme.entrants().stream().filter(entrant -> entrant.enterprise() == enterprise)
                    .toList();
            boolean hosts = id == programme.demonstrationHost() || id == programme.keyHost();
            if (own.isEmpty() && !hosts) {
                continue;
            }
            BigDecimal sum = weights.contestant().multiply(BigDecimal.valueOf(own.size()))
                    .add(weights.star().multiply(BigDecimal.valueOf(
                            own.stream().filter(entrant -> stars.contains(entrant.contestant())).count())));
            for (Map.Entry<Integer, Integer> level : awarded.getOrDefault(id, Map.of()).entrySet()) {
                sum = sum.add(weights.award(level.getKey()).multiply(BigDecimal.valueOf(level.getValue())));
            }
            if (projects && id == programme.demonstrationHost()) {
                sum = sum.add(weights.demonstration());
            }
            if (projects && id == programme.keyHost()) {
                sum = sum.add(weights.key());
            }
            index.put(id, sum);
        }
        List<Long> order = index.keySet().stream()
                .sorted(Comparator.comparing((Long id) -> index.get(id), Comparator.reverseOrder())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        List<Map<String, Object>> entries = entries(board);
        assertThat(entries).extracting(entry -> number(entry.get("enterpriseId")).longValue())
                .containsExactlyElementsOf(order);
        for (Map<String, Object> entry : entries) {
            long id = number(entry.get("enterpriseId")).longValue();
            long better = index.values().stream().filter(other -> other.compareTo(index.get(id)) > 0).count();
            assertThat(new BigDecimal(entry.get("index").toString())).as("index of %s", id)
                    .isEqualByComparingTo(index.get(id));
            assertThat(number(entry.get("rank")).longValue()).as("rank of %s", id).isEqualTo(better + 1);
            assertThat(entry.get("inTier")).as("tier %s", id).isEqualTo(better + 1 <= ENTERPRISES);
            assertThat(entry.get("regionCode")).isEqualTo(REGIONS.get(programme.enterprises().indexOf(id)));
            assertThat(entry).doesNotContainKey("creditCode");
        }
    }

    private static void assertSplitIsTheBruteForce(Map<String, Object> board, String splitBy, String key, int quota,
                                                   Map<Long, BigDecimal> scores, Predicate<Entrant> inSplit,
                                                   Programme programme) {
        Map<Long, BigDecimal> split = new HashMap<>();
        programme.entrants().stream().filter(inSplit)
                .forEach(entrant -> split.put(entrant.contestant(), scores.get(entrant.contestant())));
        assertThat(board.get("splitBy")).isEqualTo(splitBy);
        assertThat(board.get("split")).isEqualTo(key);
        assertThat(entries(board)).extracting(entry -> number(entry.get("contestantId")).longValue())
                .as("the split's contestants").containsExactlyInAnyOrderElementsOf(split.keySet());
        assertThat(entries(board).stream().filter(entry -> entry.get("star").equals(true))
                .map(entry -> number(entry.get("contestantId")).longValue()))
                .as("the split's tier").containsExactlyInAnyOrderElementsOf(top(split, quota));
        assertThat(number(((Map<?, ?>) board.get("tier")).get("quota")).intValue()).isEqualTo(quota);
    }

    // --- requests -------------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Map<String, Object> enterprises(long programme, String basis) {
        return admin.get().uri("/api/programmes/{p}/enterprise-standings?basis={b}", programme, basis).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> stars(long programme, String split) {
        return admin.get().uri(builder -> {
            builder.path("/api/programmes/{p}/star-standings");
            if (split != null) {
                builder.queryParam("split", split);
            }
            return builder.build(programme);
        }).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec change(long programme, Map<String, Object> body) {
        Map<?, ?> shown = admin.get().uri("/api/programmes/{p}", programme).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return admin.put().uri("/api/programmes/{p}", programme)
                .header("If-Match", "\"" + number(shown.get("version")).longValue() + "\"").bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> refused(Map<String, Object> body) {
        Map<String, Object> problem = admin.post().uri("/api/programmes").bodyValue(body).exchange()
                .expectStatus().isBadRequest().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, String> rules = new HashMap<>();
        ((List<Map<String, Object>>) problem.get("errors"))
                .forEach(error -> rules.put((String) error.get("field"), (String) error.get("rule")));
        return rules;
    }

    /** From 0.01 to {@code hundredths} hundredths: never 0, so some weight is always above 0. */
    private static BigDecimal decimal(Random random, int hundredths) {
        return BigDecimal.valueOf(1 + random.nextInt(hundredths), 2);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> board) {
        return (List<Map<String, Object>>) board.get("entries");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(Map<String, Object> entry, String name) {
        return (Map<String, Object>) entry.get(name);
    }

    private static Number number(Object value) {
        return (Number) value;
    }
}
