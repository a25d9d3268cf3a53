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
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.judging.MarkingFixtures;

/**
 * The certificates of a programme's tier members over HTTP on PostgreSQL. A seeded programme has events in three
 * trades, three evaluated projects and entrants of four enterprises. Closing is refused, naming every event not
 * published and the unpublished evaluation, and writes nothing; once all is published it closes and issues exactly one
 * certificate to each member of each tier on the PUBLISHED basis. The oracles are the organizers' standings routes
 * read before closing (star-standings and enterprise-standings on PUBLISHED, project-standings), the stars also the
 * brute-force top of the reference standardisation ({@link StarStandingsTests#model}) and the projects the order of
 * their KPI values; the names are those the test registered.
 */
@IntegrationTest
class TierCertificateTests {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int STARS = 3;
    /** What the public check may say of a tier member's certificate: names, trade and region, nothing personal. */
    private static final Set<String> PUBLIC_FIELDS = Set.of("kind", "number", "holderName", "enterpriseName",
            "programmeName", "programmeYear", "tradeName", "tier", "rank", "regionCode", "issuedAt");
    /** The regions of the four enterprises, in the order they are registered. */
    private static final List<String> REGIONS = List.of("610102", "610103", "610302", "610402");
    private static final Map<String, String> LETTERS = Map.of("DEMONSTRATION", "D", "KEY", "K", "STARS", "S",
            "ENTERPRISES", "E");

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    WebTestClient admin;
    MarkingFixtures marking;
    RegistryFixtures fixtures;
    TestRegistry registry;

    /** A contestant's entry in one of the programme's events (by index), with the total the judge gave. */
    record Entrant(long contestant, long registration, int event, int total) {
    }

    record Programme(long id, String name, List<Long> enterprises, Map<Long, String> enterpriseNames,
                     List<Long> projects, Map<Long, String> projectNames, List<Integer> projectCosts, List<Long> events,
                     Map<Long, String> tradeNames, List<Entrant> entrants) {
    }

    /** A tier member as the oracle gives it. */
    record Member(String tier, long subjectId, int rank, BigDecimal score, String name) {
    }

    @BeforeEach
    void setUp() {
        marking = new MarkingFixtures(web, database);
        admin = marking.admin();
        fixtures = new RegistryFixtures(admin, database);
        registry = new TestRegistry(admin);
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 77, 2027})
    @SuppressWarnings("unchecked")
    void closingIssuesOneCertificateToEachPublishedTierMemberOnceAndAnyoneCanCheckIt(long seed) {
        Programme programme = programme(new Random(seed));
        long abandoned = fixtures.event(RegistryFixtures.eventBody(programme.id(), registry.trade(),
                TestIdentities.unique("未举办赛项")));

        Map<String, Object> refused = close(programme.id()).expectStatus().isEqualTo(409)
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, String> reasons = reasons(refused);
        Map<String, String> expected = new HashMap<>();
        programme.events().forEach(event -> expected.put("event/" + event, "programme.eventNotPublished"));
        expected.put("event/" + abandoned, "programme.eventNotPublished");
        expected.put("projectEvaluation", "programme.evaluationNotPublished");
        assertThat(reasons).as("every reason, each where it is").isEqualTo(expected);
        assertNothingWritten(programme.id(), 1);

        programme.events().forEach(event -> fixtures.moveEvent(event, "PUBLISHED"));
        remove(abandoned);
        assertThat(reasons(close(programme.id()).expectStatus().isEqualTo(409).expectBody(Map.class).returnResult()
                .getResponseBody())).as("the evaluation only").isEqualTo(Map.of("projectEvaluation",
                "programme.evaluationNotPublished"));
        assertNothingWritten(programme.id(), 1);
        moveEvaluation(programme.id(), "REVIEWED");
        moveEvaluation(programme.id(), "PUBLISHED");

        List<Member> members = oracle(programme);
        assertStarsAreTheBruteForceTop(programme, members);
        assertProjectsFollowTheirValues(programme, members);
        close(programme.id()).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");

        List<Map<String, Object>> certificates = certificates(programme.id());
        assertThat(certificates).extracting(c -> c.get("tier") + "/" + number(c.get("subjectId")))
                .as("exactly the members, once each")
                .containsExactlyInAnyOrderElementsOf(members.stream().map(m -> m.tier() + "/" + m.subjectId())
                        .toList());
        Map<String, Member> byKey = members.stream()
                .collect(Collectors.toMap(m -> m.tier() + "/" + m.subjectId(), m -> m));
        Set<String> numbers = new HashSet<>();
        for (Map<String, Object> certificate : certificates) {
            Member member = byKey.get(certificate.get("tier") + "/" + number(certificate.get("subjectId")));
            assertCertifies(certificate, member, programme);
            String number = (String) certificate.get("number");
            numbers.add(number);
            assertChecksPublicly(number, certificate);
        }
        assertThat(numbers).as("numbers are unique").hasSameSizeAs(certificates);
        assertThat(certificates).extracting(c -> (String) c.get("tier")).as("every tier has members")
                .contains("DEMONSTRATION", "KEY", "STARS", "ENTERPRISES");

        Map<String, Object> again = admin.post().uri("/api/programmes/{p}/certificates/issuance", programme.id())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again).containsEntry("issued", 0);
        assertThat((List<Map<String, Object>>) again.get("items")).isEqualTo(certificates);
        change(programme.id(), "CLOSED").expectStatus().isOk(); // saved again: closing is not repeated
        assertThat(certificates(programme.id())).isEqualTo(certificates);
        assertThat(issuedEntries(programme.id())).as("issued once").hasSize(1);
    }

    /**
     * Every single-character change of a number, a tier's letter swapped for another's, another member's id with the
     * same check characters, and the number of an event certificate's shape are unknown (the same 404).
     */
    @Test
    void anAlteredNumberIsUnknown() {
        Programme programme = closed(new Random(11));
        List<Map<String, Object>> certificates = certificates(programme.id());
        Set<String> issued = certificates.stream().map(c -> (String) c.get("number")).collect(Collectors.toSet());
        String number = (String) certificates.get(0).get("number");
        String[] parts = number.split("-");

        List<String> altered = new ArrayList<>();
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == '-') {
                continue;
            }
            String alphabet = Character.isDigit(c) && i < number.lastIndexOf('-') ? "0123456789" : CROCKFORD;
            int shift = 1 + i % (alphabet.length() - 1);
            char changed = alphabet.charAt((alphabet.indexOf(c) + shift) % alphabet.length());
            altered.add(number.substring(0, i) + changed + number.substring(i + 1));
        }
        for (String letter : LETTERS.values()) {
            altered.add(parts[0] + "-" + parts[1] + "-" + letter + parts[2].substring(1) + "-" + parts[3]);
        }
        for (Map<String, Object> other : certificates) {
            String[] its = ((String) other.get("number")).split("-");
            altered.add(parts[0] + "-" + parts[1] + "-" + its[2] + "-" + parts[3]);
        }
        altered.add(parts[0] + "-" + parts[1].substring(1) + "-" + parts[2].substring(1) + "-" + parts[3]);
        altered.add(number + "0");
        altered.add(number.substring(1));
        String unknown = TestClients.anonymous(web).get().uri("/api/public/certificates/{n}", "not-a-certificate")
                .exchange().expectStatus().isNotFound().expectBody(Map.class).returnResult().getResponseBody()
                .get("detail").toString();
        for (String candidate : altered) {
            if (issued.contains(candidate)) {
                continue; // another certificate's own number is no alteration
            }
            TestClients.anonymous(web).get().uri("/api/public/certificates/{n}", candidate).exchange()
                    .expectStatus().isNotFound().expectBody().jsonPath("$.detail").isEqualTo(unknown);
        }
    }

    /**
     * A programme closed before these certificates existed: issuance gives it only what it lacks, under the numbers
     * they would have had, and the new ones join the programme's audit chain, which stays intact.
     */
    @Test
    @SuppressWarnings("unchecked")
    void issuanceCompletesAProgrammeClosedWithoutSomeOfItsCertificates() {
        Programme programme = closed(new Random(23));
        List<Map<String, Object>> issued = certificates(programme.id());
        Map<String, Object> missing = issued.get(issued.size() / 2);
        database.sql("DELETE FROM tier_certificate WHERE number = :n").bind("n", missing.get("number"))
                .fetch().rowsUpdated().block();

        Map<String, Object> completed = admin.post()
                .uri("/api/programmes/{p}/certificates/issuance", programme.id()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(completed).containsEntry("issued", 1);
        List<Map<String, Object>> items = (List<Map<String, Object>>) completed.get("items");
        assertThat(items).extracting(item -> item.get("number")).as("the numbers follow from what they certify")
                .containsExactlyElementsOf(issued.stream().map(item -> item.get("number")).toList());
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).get("number").equals(missing.get("number"))) {
                assertThat(items.get(i)).as("kept as issued").isEqualTo(issued.get(i));
            }
        }
        assertThat(issuedEntries(programme.id())).as("closing, then the one that was missing").hasSize(2);
        admin.get().uri("/api/audit/chains/programme-{p}/verification", programme.id()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.intact").isEqualTo(true);
    }

    /**
     * A programme called off before anything was marked or evaluated closes as before, with no certificate (the host
     * of its project is on the enterprises board, in the tier, with an index of 0, and gets none); one that is not
     * closed has none to issue (409), one that does not exist none at all (404); a closed programme's evaluation takes
     * no step back.
     */
    @Test
    void aProgrammeCalledOffHasNoCertificatesAndAClosedEvaluationStaysPut() {
        long calledOff = fixtures.programme();
        fixtures.project(calledOff);
        admin.post().uri("/api/programmes/{p}/certificates/issuance", calledOff).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("PLANNING"));
        Map<String, Object> board = get("/api/programmes/{p}/enterprise-standings?basis=PUBLISHED", calledOff);
        assertThat(entries(board)).singleElement().satisfies(host -> {
            assertThat(host.get("inTier")).isEqualTo(true);
            assertThat(decimal(host.get("index"))).isZero();
        });
        close(calledOff).expectStatus().isOk();
        assertThat(certificates(calledOff)).isEmpty();
        admin.get().uri("/api/programmes/{p}/certificates", 9_000_000_000_000L).exchange()
                .expectStatus().isNotFound();
        admin.post().uri("/api/programmes/{p}/certificates/issuance", 9_000_000_000_000L).exchange()
                .expectStatus().isNotFound();

        Programme programme = closed(new Random(31));
        Map<?, ?> round = admin.get().uri("/api/programmes/{p}/project-evaluation", programme.id()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        admin.post().uri("/api/programmes/{p}/project-evaluation/transition", programme.id())
                .header("If-Match", "\"" + number(round.get("version")) + "\"")
                .bodyValue(Map.of("status", "REVIEWED", "reason", "更正指标值")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("CLOSED"));
    }

    // --- the programme --------------------------------------------------------------------------------------------

    /**
     * Four enterprises; three projects of random distinct costs (one indicator, higher is better); three events in
     * three trades, two of the first project and one of the second, each with 5 to 7 entrants of random enterprises
     * and distinct random totals, marked by one judge. Quotas: 3 stars, 2 key projects of which 1 demonstration, 2
     * enterprises. The programme is RUNNING, its events MARKING, its evaluation ENTERED.
     */
    private Programme programme(Random random) {
        String name = TestIdentities.unique("层级证书");
        Map<String, Object> body = RegistryFixtures.programmeBody(name);
        body.put("quotas", Map.of("stars", STARS, "enterprises", 2, "key", 2, "demonstration", 1));
        long programme = fixtures.programme(body);
        change(programme, "RUNNING").expectStatus().isOk();
        List<Long> enterprises = new ArrayList<>();
        Map<Long, String> enterpriseNames = new HashMap<>();
        for (String region : REGIONS) {
            String enterpriseName = TestIdentities.unique("企业");
            long enterprise = registry.create("/api/enterprises", Map.of("name", enterpriseName,
                    "creditCode", TestIdentities.creditCode(), "regionCode", region, "ownership", "STATE_OWNED"));
            enterprises.add(enterprise);
            enterpriseNames.put(enterprise, enterpriseName);
        }
        List<Integer> costs = new ArrayList<>(List.of(100, 150, 200, 250, 300, 350, 400, 450));
        Collections.shuffle(costs, random);
        List<Long> projects = new ArrayList<>();
        Map<Long, String> projectNames = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            String projectName = TestIdentities.unique("项目");
            long project = fixtures.project(programme, RegistryFixtures.projectBody(projectName,
                    enterprises.get(p)));
            evaluate(programme, project, costs.get(p));
            projects.add(project);
            projectNames.put(project, projectName);
        }
        List<Long> events = new ArrayList<>();
        Map<Long, String> tradeNames = new HashMap<>();
        List<Entrant> entrants = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            long trade = registry.trade();
            tradeNames.put(trade, (String) admin.get().uri("/api/reference/trades/{id}", trade).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("nameZh"));
            Map<String, Object> event = RegistryFixtures.eventBody(programme, trade, TestIdentities.unique("赛项"));
            event.put("scheme", RegistryFixtures.json(StarStandingsTests.SCHEME));
            event.put("rules", RegistryFixtures.json(StarStandingsTests.RULES));
            event.put("projectId", projects.get(e < 2 ? 0 : 1));
            long id = fixtures.event(event);
            List<Integer> totals = new ArrayList<>();
            for (int total = 30; total <= 99; total++) {
                totals.add(total);
            }
            Collections.shuffle(totals, random);
            List<Entrant> entered = new ArrayList<>();
            for (int i = 0; i < 5 + random.nextInt(3); i++) {
                long contestant = registry.contestant(enterprises.get(random.nextInt(enterprises.size())), trade);
                long registration = registry.create("/api/events/" + id + "/registrations",
                        Map.of("contestantId", contestant));
                entered.add(new Entrant(contestant, registration, e, totals.get(i)));
            }
            marking.event = id;
            MarkingFixtures.Judge judge = marking.judges(1).get(0);
            fixtures.moveEvent(id, "MARKING");
            for (Entrant entrant : entered) {
                MarkingFixtures.submit(judge.client(), id, entrant.registration(), UUID.randomUUID().toString(),
                        MarkingFixtures.sheet("M1", entrant.total())).expectStatus().isCreated();
            }
            events.add(id);
            entrants.addAll(entered);
        }
        return new Programme(programme, name, enterprises, enterpriseNames, projects, projectNames, costs.subList(0, 3),
                events, tradeNames, entrants);
    }

    /** A programme as {@link #programme} makes it, everything published, then closed. */
    private Programme closed(Random random) {
        Programme programme = programme(random);
        programme.events().forEach(event -> fixtures.moveEvent(event, "PUBLISHED"));
        moveEvaluation(programme.id(), "REVIEWED");
        moveEvaluation(programme.id(), "PUBLISHED");
        close(programme.id()).expectStatus().isOk();
        assertThat(certificates(programme.id())).isNotEmpty();
        return programme;
    }

    private void evaluate(long programme, long project, int cost) {
        Map<?, ?> evaluation = admin.get().uri("/api/programmes/{p}/projects/{id}/evaluation", programme, project)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        admin.put().uri("/api/programmes/{p}/projects/{id}/evaluation", programme, project)
                .header("If-Match", "\"" + number(evaluation.get("version")) + "\"")
                .bodyValue(Map.of("values", List.of(Map.of("indicator", "COST", "value", cost, "evidence", "审计报告"))))
                .exchange().expectStatus().isOk();
    }

    // --- the oracles ----------------------------------------------------------------------------------------------

    /**
     * The members of each tier on the PUBLISHED basis, as the organizers' standings give them before closing; an
     * enterprise whose index is 0 earned nothing and is certified for nothing.
     */
    private List<Member> oracle(Programme programme) {
        List<Member> members = new ArrayList<>();
        Map<String, Object> projects = get("/api/programmes/{p}/project-standings", programme.id());
        assertThat(projects.get("status")).isEqualTo("PUBLISHED");
        for (Map<String, Object> entry : entries(projects)) {
            if (entry.get("tier") != null) {
                members.add(new Member((String) entry.get("tier"), number(entry.get("projectId")),
                        (int) number(entry.get("rank")), decimal(entry.get("score")), (String) entry.get("name")));
            }
        }
        Map<String, Object> stars = get("/api/programmes/{p}/star-standings?basis=PUBLISHED", programme.id());
        assertThat(stars.get("published")).isEqualTo(true);
        for (Map<String, Object> entry : entries(stars)) {
            if (Boolean.TRUE.equals(entry.get("star"))) {
                members.add(new Member("STARS", number(entry.get("contestantId")), (int) number(entry.get("rank")),
                        decimal(entry.get("score")), (String) entry.get("name")));
            }
        }
        Map<String, Object> enterprises = get("/api/programmes/{p}/enterprise-standings?basis=PUBLISHED",
                programme.id());
        assertThat(enterprises.get("published")).isEqualTo(true);
        for (Map<String, Object> entry : entries(enterprises)) {
            if (Boolean.TRUE.equals(entry.get("inTier")) && decimal(entry.get("index")).signum() > 0) {
                members.add(new Member("ENTERPRISES", number(entry.get("enterpriseId")),
                        (int) number(entry.get("rank")), decimal(entry.get("index")), (String) entry.get("name")));
            }
        }
        return members;
    }

    /** The stars are the contestants fewer than {@link #STARS} others beat by the reference standardisation. */
    private static void assertStarsAreTheBruteForceTop(Programme programme, List<Member> members) {
        List<List<StarStandingsTests.Entrant>> byEvent = new ArrayList<>();
        for (int e = 0; e < programme.events().size(); e++) {
            int event = e;
            byEvent.add(programme.entrants().stream().filter(entrant -> entrant.event() == event)
                    .map(entrant -> new StarStandingsTests.Entrant(entrant.contestant(), entrant.registration(),
                            entrant.total()))
                    .toList());
        }
        Map<Long, BigDecimal> scores = StarStandingsTests.model(new StarStandingsTests.Programme(programme.id(),
                programme.events(), byEvent, null));
        Set<Long> top = scores.keySet().stream()
                .filter(id -> scores.values().stream().filter(other -> other.compareTo(scores.get(id)) > 0).count()
                        < STARS)
                .collect(Collectors.toSet());
        assertThat(members.stream().filter(m -> m.tier().equals("STARS")).map(Member::subjectId))
                .containsExactlyInAnyOrderElementsOf(top);
    }

    /** The highest cost is the demonstration project, the second the other key project, the third in neither. */
    private static void assertProjectsFollowTheirValues(Programme programme, List<Member> members) {
        List<Long> byCost = new ArrayList<>(programme.projects());
        byCost.sort(Comparator.comparing((Long id) -> programme.projectCosts().get(programme.projects().indexOf(id)))
                .reversed());
        Map<Long, String> tiers = new LinkedHashMap<>();
        members.stream().filter(m -> !m.tier().equals("STARS") && !m.tier().equals("ENTERPRISES"))
                .forEach(m -> tiers.put(m.subjectId(), m.tier()));
        assertThat(tiers).isEqualTo(Map.of(byCost.get(0), "DEMONSTRATION", byCost.get(1), "KEY"));
    }

    private void assertCertifies(Map<String, Object> certificate, Member member, Programme programme) {
        String tier = member.tier();
        assertThat(number(certificate.get("rank"))).as("rank").isEqualTo(member.rank());
        assertThat(decimal(certificate.get("score"))).as("score").isEqualByComparingTo(member.score());
        assertThat(certificate.get("holderName")).isEqualTo(member.name());
        assertThat(certificate).containsEntry("programmeName", programme.name()).containsEntry("programmeYear", 2024)
                .containsEntry("issuedBy", IntegrationTest.ADMIN).containsKey("issuedAt");
        switch (tier) {
            case "STARS" -> {
                assertThat(programme.entrants()).anyMatch(entrant -> entrant.contestant() == member.subjectId());
                Map<String, Object> contestant = get("/api/contestants/{id}", member.subjectId());
                assertThat(certificate.get("holderName")).isEqualTo(contestant.get("name"));
                long enterprise = number(contestant.get("enterpriseId"));
                assertThat(certificate.get("enterpriseName")).isEqualTo(programme.enterpriseNames().get(enterprise));
                assertThat(certificate.get("tradeName")).isEqualTo(programme.tradeNames()
                        .get(number(contestant.get("tradeId"))));
                assertThat(certificate.get("regionCode")).as("the enterprise's")
                        .isEqualTo(REGIONS.get(programme.enterprises().indexOf(enterprise)));
            }
            case "ENTERPRISES" -> {
                assertThat(certificate.get("holderName")).isEqualTo(programme.enterpriseNames()
                        .get(member.subjectId()));
                assertThat(certificate.get("enterpriseName")).isEqualTo(certificate.get("holderName"));
                assertThat(certificate.get("regionCode"))
                        .isEqualTo(REGIONS.get(programme.enterprises().indexOf(member.subjectId())));
                assertThat(certificate).doesNotContainKey("tradeName");
            }
            default -> {
                int index = programme.projects().indexOf(member.subjectId());
                assertThat(certificate.get("holderName")).isEqualTo(programme.projectNames().get(member.subjectId()));
                assertThat(certificate.get("enterpriseName")).as("the host")
                        .isEqualTo(programme.enterpriseNames().get(programme.enterprises().get(index)));
                assertThat(certificate.get("regionCode")).as("the project's own")
                        .isEqualTo(RegistryFixtures.projectBody("", 0).get("regionCode"));
                assertThat(certificate).doesNotContainKey("tradeName");
            }
        }
        String number = (String) certificate.get("number");
        assertThat(number).matches("\\d{4}-P\\d{4,}-[DKSE]\\d{4,}-[" + CROCKFORD + "]{8}");
        String[] parts = number.split("-");
        assertThat(parts[0]).isEqualTo("2024");
        assertThat(Long.parseLong(parts[1].substring(1))).as("the programme").isEqualTo(programme.id());
        assertThat(parts[2].substring(0, 1)).isEqualTo(LETTERS.get(tier));
        assertThat(Long.parseLong(parts[2].substring(1))).as("the member").isEqualTo(member.subjectId());
    }

    /** Anyone checks the number, also typed in small letters with O for 0 and L for 1; the answer says no more. */
    @SuppressWarnings("unchecked")
    private void assertChecksPublicly(String number, Map<String, Object> certificate) {
        WebTestClient anonymous = TestClients.anonymous(web);
        Map<String, Object> checked = anonymous.get().uri("/api/public/certificates/{n}", number).exchange()
                .expectStatus().isOk().expectHeader().valueMatches("Cache-Control", ".*public.*")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(PUBLIC_FIELDS).containsAll(checked.keySet());
        assertThat(checked).containsEntry("kind", "TIER").containsEntry("number", number)
                .containsEntry("tier", certificate.get("tier")).containsEntry("rank", certificate.get("rank"))
                .containsEntry("holderName", certificate.get("holderName"))
                .containsEntry("enterpriseName", certificate.get("enterpriseName"))
                .containsEntry("regionCode", certificate.get("regionCode"));
        if ("STARS".equals(certificate.get("tier"))) {
            String idNumber = (String) get("/api/contestants/{id}?reveal=idNumber&reason={r}",
                    number(certificate.get("subjectId")), "核对证书不含身份证号").get("idNumber");
            assertThat(checked.toString()).doesNotContain(idNumber, idNumber.substring(14));
        }
        anonymous.get().uri("/api/public/certificates/{n}", " " + number.toLowerCase(Locale.ROOT).replace('0', 'o')
                        .replace('1', 'l') + " ")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.number").isEqualTo(number);
    }

    /** Refused closing wrote nothing: the programme is as it was, without certificates or their audit entry. */
    private void assertNothingWritten(long programme, long version) {
        Map<String, Object> shown = get("/api/programmes/{p}", programme);
        assertThat(shown.get("status")).isEqualTo("RUNNING");
        assertThat(number(shown.get("version"))).isEqualTo(version);
        assertThat(certificates(programme)).isEmpty();
        assertThat(issuedEntries(programme)).isEmpty();
    }

    // --- requests -------------------------------------------------------------------------------------------------

    private WebTestClient.ResponseSpec close(long programme) {
        return change(programme, "CLOSED");
    }

    private WebTestClient.ResponseSpec change(long programme, String status) {
        Map<String, Object> shown = get("/api/programmes/{p}", programme);
        Map<String, Object> body = new HashMap<>(shown);
        List.of("id", "version", "createdAt", "updatedAt").forEach(body::remove);
        body.put("status", status);
        return admin.put().uri("/api/programmes/{p}", programme)
                .header("If-Match", "\"" + number(shown.get("version")) + "\"").bodyValue(body).exchange();
    }

    private void remove(long event) {
        Map<String, Object> shown = get("/api/events/{e}", event);
        admin.delete().uri("/api/events/{e}", event).header("If-Match", "\"" + number(shown.get("version")) + "\"")
                .exchange().expectStatus().isNoContent();
    }

    private void moveEvaluation(long programme, String status) {
        Map<String, Object> round = get("/api/programmes/{p}/project-evaluation", programme);
        admin.post().uri("/api/programmes/{p}/project-evaluation/transition", programme)
                .header("If-Match", "\"" + number(round.get("version")) + "\"")
                .bodyValue(Map.of("status", status)).exchange().expectStatus().isOk();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> certificates(long programme) {
        return (List<Map<String, Object>>) get("/api/programmes/{p}/certificates", programme).get("items");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> issuedEntries(long programme) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) get(
                "/api/audit/chains/programme-{p}/entries?size=200", programme).get("items");
        return entries.stream().filter(entry -> "certificates.issued".equals(entry.get("action"))).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String uri, Object... variables) {
        return admin.get().uri(uri, variables).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> reasons(Map<String, Object> problem) {
        Map<String, String> reasons = new HashMap<>();
        ((List<Map<String, Object>>) problem.get("errors"))
                .forEach(error -> reasons.put((String) error.get("field"), (String) error.get("rule")));
        return reasons;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> board) {
        return (List<Map<String, Object>>) board.get("entries");
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }
}
