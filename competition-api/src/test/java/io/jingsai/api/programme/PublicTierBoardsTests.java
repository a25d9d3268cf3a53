package io.jingsai.api.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.boards.BoardFixtures;
import io.jingsai.api.judging.MarkingFixtures;

/**
 * The public boards of a programme's key and demonstration projects and of its enterprises, over HTTP on PostgreSQL.
 * The oracle is the organizers' own computation ({@code GET …/project-standings}, {@code GET
 * …/enterprise-standings?basis=PUBLISHED}) joined with the facts this test gave each project, filtered here by a
 * division rule written independently of the application's (a province code keeps its two digits, a city its four,
 * a county itself). The project board stays empty until the evaluation's public review; the public sees no credit
 * code nor anything personal; versions come as ETags with 304s.
 */
@IntegrationTest
class PublicTierBoardsTests {

    private static final List<String> ASPECTS = List.of("ENGINEERING_EXCELLENCE", "QUALITY", "WORK_SAFETY");
    private static final List<String> KEY_AREAS = List.of("TECH", "INDUSTRY");
    /** Two in Xi'an (6101), one in Baoji (6103), one in Xianyang (6104). */
    private static final List<String> REGIONS = List.of("610102", "610103", "610302", "610402");
    private static final List<String> REGION_FILTERS = List.of("610000", "610100", "610302", "610103", "620000");
    /** What a public project line may hold, and nothing else. */
    private static final Set<String> PROJECT_FIELDS = Set.of("rank", "position", "projectId", "name",
            "hostEnterprise", "aspect", "keyArea", "keyAreaName", "keyAreaNameEn", "regionCode", "score", "tier");
    /** The key areas of {@link RegistryFixtures#programmeBody}: names in Chinese, and in English where given. */
    private static final Map<String, List<String>> KEY_AREA_NAMES = Map.of(
            "TECH", List.of("科技强省", "Science and technology"), "INDUSTRY", List.of("现代化产业体系"));
    private static final Set<String> ENTERPRISE_FIELDS = Set.of("rank", "position", "enterpriseId", "name",
            "regionCode", "index", "inTier");

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    WebTestClient admin;
    WebTestClient anonymous;
    RegistryFixtures fixtures;
    TestRegistry registry;
    StarEvents events;

    /** A project as this test made it: what the public line must show besides its place. */
    record Project(long id, String name, String host, String aspect, String keyArea, String regionCode) {
    }

    record Programme(long id, List<Project> projects, StarEvents.Event event, List<String> creditCodes) {
    }

    @BeforeEach
    void setUp() {
        admin = new MarkingFixtures(web, database).admin();
        anonymous = TestClients.anonymous(web);
        fixtures = new RegistryFixtures(admin, database);
        registry = new TestRegistry(admin);
        events = new StarEvents(web, database);
    }

    /**
     * Seeded projects (aspects, key areas, regions, and values that tie): hidden while ENTERED, then in public review
     * and once published the board, its every filter and the overview's project tiers are the organizers' standings.
     */
    @ParameterizedTest
    @ValueSource(longs = {5, 77, 2026})
    void theProjectBoardIsTheOrganizersStandingsOnceReleasedAndEveryFilterPicksItsLines(long seed) {
        Programme programme = programme(new Random(seed), 7);
        Map<String, Object> entered = projects(programme.id(), "");
        assertThat(entered).containsEntry("evaluation", "ENTERED").containsEntry("released", false)
                .containsEntry("total", 0);
        assertThat(lines(entered)).isEmpty();
        assertThat(tiers(overview(programme.id())).subList(0, 2)).allSatisfy(tier -> assertThat(tier)
                .containsEntry("kept", false).containsEntry("members", 0));

        moveEvaluation(programme.id(), "REVIEWED");
        Map<String, Object> reviewed = projects(programme.id(), "");
        assertThat(reviewed).containsEntry("released", true).containsEntry("provisional", true)
                .containsEntry("published", false);
        assertFiltersAreTheOracle(programme);
        assertTheOverviewsProjectTiersAreTheStandings(programme.id());

        moveEvaluation(programme.id(), "PUBLISHED");
        Map<String, Object> published = projects(programme.id(), "");
        assertThat(published).containsEntry("provisional", false).containsEntry("published", true);
        assertThat(comparable(lines(published))).isEqualTo(comparable(oracle(programme, line -> true)));
    }

    /**
     * The enterprises board is the PUBLISHED basis of the organizers' standings: only participation counts while
     * nothing is published; the event's and the evaluation's publications move it, and its version with them.
     */
    @Test
    void theEnterprisesBoardIsThePublishedStandingsAndMovesWithEachPublication() {
        Programme programme = programme(new Random(11), 4);
        String before = assertTheEnterprisesBoardIsThePublishedStandings(programme.id());
        String shown = anonymous.get().uri("/api/public/programmes/{p}/enterprises?limit=200", programme.id())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(programme.creditCodes()).as("no credit code on the public board")
                .allSatisfy(code -> assertThat(shown).doesNotContain(code));

        moveEvaluation(programme.id(), "REVIEWED");
        assertThat(assertTheEnterprisesBoardIsThePublishedStandings(programme.id()))
                .as("a review publishes nothing").isEqualTo(before);
        moveEvaluation(programme.id(), "PUBLISHED");
        String projectsPublished = assertTheEnterprisesBoardIsThePublishedStandings(programme.id());
        assertThat(projectsPublished).isNotEqualTo(before);
        fixtures.moveEvent(programme.event().id(), "PUBLISHED");
        String eventPublished = assertTheEnterprisesBoardIsThePublishedStandings(programme.id());
        assertThat(eventPublished).isNotEqualTo(projectsPublished);
        assertThat(enterprises(programme.id(), "")).containsEntry("published", true);

        java.util.TreeSet<String> regions = new java.util.TreeSet<>();
        lines(enterprises(programme.id(), "limit=200")).forEach(line -> {
            String code = (String) line.get("regionCode");
            regions.addAll(List.of(code.substring(0, 2) + "0000", code.substring(0, 4) + "00", code));
        });
        assertThat(enterprises(programme.id(), "regionCode=" + regions.last()).get("regions"))
                .as("the regions to filter by, the whole board's also on a filtered page")
                .isEqualTo(List.copyOf(regions));
    }

    @Test
    void pagesComeWithETagsAnd304sAndTheOverviewsVersionFollowsTheProjectBoard() {
        Programme programme = programme(new Random(3), 6);
        moveEvaluation(programme.id(), "REVIEWED");
        List<Map<String, Object>> all = lines(projects(programme.id(), ""));
        List<Map<String, Object>> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size(); offset += 4) {
            Map<String, Object> page = projects(programme.id(), "offset=" + offset + "&limit=4");
            assertThat(page).containsEntry("offset", offset).containsEntry("total", all.size());
            paged.addAll(lines(page));
        }
        assertThat(paged).isEqualTo(all);
        assertAroundIsTheSlice("projects", programme.id(), all, "projectId");
        assertAroundIsTheSlice("enterprises", programme.id(), lines(enterprises(programme.id(), "limit=200")),
                "enterpriseId");
        Object outside = all.stream().filter(line -> !"DEMONSTRATION".equals(line.get("tier"))).findFirst()
                .orElseThrow().get("projectId");
        anonymous.get().uri("/api/public/programmes/{p}/projects/around/{id}?tier=DEMONSTRATION", programme.id(),
                outside).exchange().expectStatus().isNotFound().expectBody().jsonPath("$.detail").isEqualTo(
                "竞赛活动 " + programme.id() + " 公开的项目榜上没有项目 " + outside);
        anonymous.get().uri("/api/public/programmes/{p}/enterprises/around/{id}", programme.id(), Long.MAX_VALUE)
                .exchange().expectStatus().isNotFound();

        for (String route : List.of("projects?limit=3", "enterprises?limit=3", "")) {
            String uri = "/api/public/programmes/" + programme.id() + (route.isEmpty() ? "" : "/" + route);
            var answer = anonymous.get().uri(uri).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("Cache-Control", "max-age=1, public")
                    .expectBody(MAP).returnResult();
            String etag = answer.getResponseHeaders().getETag();
            assertThat(etag).isEqualTo("\"" + answer.getResponseBody().get("version") + "\"");
            anonymous.get().uri(uri).header("If-None-Match", etag).exchange().expectStatus().isNotModified();
        }

        String overview = (String) overview(programme.id()).get("version");
        Project first = programme.projects().get(0);
        enter(programme.id(), first.id(), 499);
        assertThat(overview(programme.id()).get("version")).as("a corrected value during review")
                .isNotEqualTo(overview);
        assertFiltersAreTheOracle(programme);
    }

    @Test
    void badFiltersAreRefusedNamingTheParameterAndAProgrammeWithoutAPublicBoardIs404() {
        Programme programme = programme(new Random(1), 2);
        long id = programme.id();
        refused("/api/public/programmes/" + id + "/projects?aspect=quality", "aspect", "aspect.code");
        refused("/api/public/programmes/" + id + "/projects?keyArea=科技", "keyArea", "keyArea.code");
        refused("/api/public/programmes/" + id + "/projects?regionCode=61010", "regionCode", null);
        refused("/api/public/programmes/" + id + "/projects?tier=STARS", "tier", null);
        refused("/api/public/programmes/" + id + "/projects?limit=0", "limit", "number.range");
        refused("/api/public/programmes/" + id + "/enterprises?regionCode=999999", "regionCode", null);
        refused("/api/public/programmes/" + id + "/enterprises?offset=-1", "offset", "number.range");
        refused("/api/public/programmes/" + id + "/projects/around/1?k=101", "k", "number.range");
        refused("/api/public/programmes/" + id + "/enterprises/around/1?k=-1", "k", "number.range");

        long hidden = fixtures.programme(RegistryFixtures.programmeBody(TestIdentities.unique("未开赛")));
        fixtures.project(hidden);
        for (String route : List.of("projects", "enterprises")) {
            anonymous.get().uri("/api/public/programmes/{p}/" + route, hidden).exchange().expectStatus().isNotFound();
        }
    }

    /** Around each line with k = 1: the line and its neighbours on the whole board, where they start. */
    private void assertAroundIsTheSlice(String board, long programme, List<Map<String, Object>> all, String id) {
        for (int at = 0; at < all.size(); at++) {
            Map<String, Object> around = publicly("/api/public/programmes/" + programme + "/" + board + "/around/"
                    + all.get(at).get(id) + "?k=1");
            int from = Math.max(0, at - 1);
            assertThat(lines(around)).as("%s around %s", board, at)
                    .isEqualTo(all.subList(from, Math.min(all.size(), at + 2)));
            assertThat(around).containsEntry("offset", from).containsEntry("total", all.size());
        }
    }

    /**
     * The OpenAPI document describes the lines these routes answer: each board's entries have a schema of their own
     * (nested records of the same simple name would otherwise share one, and the document would show another
     * board's fields), and every field answered is one it documents.
     */
    @Test
    void theDocumentDescribesTheLinesAnsweredByEachBoard() {
        Programme programme = programme(new Random(8), 3);
        moveEvaluation(programme.id(), "REVIEWED");
        Map<String, Object> document = TestClients.documentReader(web).get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        String base = "/api/public/programmes/" + programme.id();
        Map<String, String> answers = Map.of("/projects", "getPublicProjects", "/enterprises", "getPublicEnterprises",
                "/stars", "getPublicStars", "", "getPublicProgramme");
        answers.forEach((route, operation) -> {
            String field = route.isEmpty() ? "tiers" : "entries";
            // the star board follows the committed marks (within jingsai.boards.stars-rest): wait for its lines
            Map<String, Object> answered = whenShown(base + route, field);
            List<Map<String, Object>> items = list(answered.get(field));
            assertThat(items).as(route).isNotEmpty();
            Set<String> documented = itemProperties(document, operation, route.isEmpty() ? "tiers" : "entries");
            assertThat(items).as(route).allSatisfy(item -> assertThat(documented).containsAll(item.keySet()));
        });
        assertThat(itemProperties(document, "getPublicProjects", "entries")).isEqualTo(PROJECT_FIELDS);
        assertThat(itemProperties(document, "getPublicEnterprises", "entries")).isEqualTo(ENTERPRISE_FIELDS);
    }

    /** The properties of the items of {@code field} in the 200 answer of {@code operationId}. */
    private static Set<String> itemProperties(Map<String, Object> document, String operationId, String field) {
        Map<String, Object> paths = map(document.get("paths"));
        Map<String, Object> operation = paths.values().stream().map(path -> map(map(path).get("get")))
                .filter(get -> get != null && operationId.equals(get.get("operationId"))).findFirst().orElseThrow();
        String answer = ref(map(map(map(map(map(operation.get("responses")).get("200")).get("content"))
                .get("application/json")).get("schema")));
        Map<String, Object> schemas = map(map(document.get("components")).get("schemas"));
        Map<String, Object> items = map(map(map(map(schemas.get(answer)).get("properties")).get(field)).get("items"));
        return map(map(schemas.get(ref(items))).get("properties")).keySet();
    }

    private static String ref(Map<String, Object> schema) {
        return ((String) schema.get("$ref")).substring("#/components/schemas/".length());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    // --- the oracle -----------------------------------------------------------------------------------------------

    /** Every filter alone and a few together: the lines are the oracle's, with the whole board's places. */
    private void assertFiltersAreTheOracle(Programme programme) {
        List<Map<String, Object>> whole = lines(projects(programme.id(), "limit=200"));
        assertThat(whole).allSatisfy(line -> assertThat(line.keySet()).isSubsetOf(PROJECT_FIELDS));
        assertThat(comparable(whole)).isEqualTo(comparable(oracle(programme, line -> true)));
        for (String aspect : ASPECTS) {
            assertFilter(programme, "aspect=" + aspect, line -> aspect.equals(line.get("aspect")));
        }
        for (String keyArea : KEY_AREAS) {
            assertFilter(programme, "keyArea=" + keyArea, line -> keyArea.equals(line.get("keyArea")));
            assertFilter(programme, "keyArea=" + keyArea + "&tier=KEY", line -> keyArea.equals(line.get("keyArea"))
                    && line.get("tier") != null);
        }
        for (String region : REGION_FILTERS) {
            assertFilter(programme, "regionCode=" + region, line -> within(region, (String) line.get("regionCode")));
        }
        assertFilter(programme, "tier=KEY", line -> line.get("tier") != null);
        assertFilter(programme, "tier=DEMONSTRATION", line -> "DEMONSTRATION".equals(line.get("tier")));

        // The regions offered to filter by: those of the lines and the prefectures and provinces enclosing them.
        java.util.TreeSet<String> regions = new java.util.TreeSet<>();
        whole.forEach(line -> {
            String code = (String) line.get("regionCode");
            regions.addAll(List.of(code.substring(0, 2) + "0000", code.substring(0, 4) + "00", code));
        });
        assertThat(projects(programme.id(), "keyArea=" + KEY_AREAS.get(0)).get("regions"))
                .as("the whole board's, also on a filtered page").isEqualTo(List.copyOf(regions));
        for (String region : regions) {
            assertFilter(programme, "regionCode=" + region, line -> within(region, (String) line.get("regionCode")));
        }
    }

    private void assertFilter(Programme programme, String query, Predicate<Map<String, Object>> filter) {
        Map<String, Object> page = projects(programme.id(), query + "&limit=200");
        List<Map<String, Object>> expected = oracle(programme, filter);
        assertThat(comparable(lines(page))).as(query).isEqualTo(comparable(expected));
        assertThat(page).as(query).containsEntry("total", expected.size());
    }

    /** The organizers' project standings, each line with the facts this test gave the project, then filtered. */
    private List<Map<String, Object>> oracle(Programme programme, Predicate<Map<String, Object>> filter) {
        Map<Long, Project> byId = new HashMap<>();
        programme.projects().forEach(project -> byId.put(project.id(), project));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> entry : lines(standings(programme.id()))) {
            Project project = byId.get(number(entry.get("projectId")).longValue());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("rank", entry.get("rank"));
            line.put("position", entry.get("position"));
            line.put("projectId", project.id());
            line.put("name", project.name());
            line.put("hostEnterprise", project.host());
            line.put("aspect", project.aspect());
            line.put("keyArea", project.keyArea());
            List<String> names = KEY_AREA_NAMES.get(project.keyArea());
            line.put("keyAreaName", names.get(0));
            line.put("keyAreaNameEn", names.size() > 1 ? names.get(1) : null);
            line.put("regionCode", project.regionCode());
            line.put("score", entry.get("score"));
            line.put("tier", entry.get("tier"));
            lines.add(line);
        }
        return lines.stream().filter(filter).toList();
    }

    /** Lines with numbers made comparable (ids as longs, scores without trailing zeros). */
    private static List<Map<String, Object>> comparable(List<Map<String, Object>> lines) {
        return lines.stream().map(line -> {
            Map<String, Object> kept = new HashMap<>(line);
            kept.replaceAll((field, value) -> switch (field) {
                case "projectId", "enterpriseId" -> number(value).longValue();
                case "score", "index" -> new BigDecimal(value.toString()).stripTrailingZeros();
                default -> value;
            });
            kept.values().removeIf(Objects::isNull);
            return kept;
        }).toList();
    }

    /** The overview's DEMONSTRATION and KEY tiers: the standings' fills, the cut-off the lowest member's score. */
    private void assertTheOverviewsProjectTiersAreTheStandings(long programmeId) {
        Map<String, Object> standings = standings(programmeId);
        List<Map<String, Object>> fills = list(standings.get("tiers"));
        List<Map<String, Object>> shown = tiers(overview(programmeId));
        for (int t = 0; t < 2; t++) {
            Map<String, Object> fill = fills.get(t);
            String tier = (String) fill.get("tier");
            Map<String, Object> overview = shown.get(t);
            assertThat(overview).containsEntry("tier", tier).containsEntry("kept", true)
                    .containsEntry("quota", fill.get("quota")).containsEntry("members", fill.get("members"))
                    .containsEntry("overflow", fill.get("overflow")).containsEntry("vacancies", fill.get("shortfall"))
                    .containsEntry("cutOffPolicy", "INCLUDE_ALL");
            BigDecimal lowest = lines(standings).stream()
                    .filter(line -> tier.equals(line.get("tier")) || ("KEY".equals(tier) && line.get("tier") != null))
                    .map(line -> new BigDecimal(line.get("score").toString())).min(BigDecimal::compareTo)
                    .orElse(null);
            assertThat(overview.get("cutOff") == null ? null : new BigDecimal(overview.get("cutOff").toString()))
                    .as("the %s cut-off", tier).isEqualByComparingTo(lowest);
        }
    }

    /**
     * The public enterprises board equals the organizers' standings on the PUBLISHED basis, filtered by region too,
     * and the overview's ENTERPRISES tier is their tier; answers the board's version.
     */
    private String assertTheEnterprisesBoardIsThePublishedStandings(long programmeId) {
        Map<String, Object> standings = admin.get()
                .uri("/api/programmes/{p}/enterprise-standings?basis=PUBLISHED", programmeId).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        List<Map<String, Object>> expected = lines(standings).stream().map(entry -> {
            Map<String, Object> line = new HashMap<>();
            ENTERPRISE_FIELDS.forEach(field -> line.put(field, entry.get(field)));
            return line;
        }).toList();
        Map<String, Object> board = enterprises(programmeId, "limit=200");
        assertThat(lines(board)).allSatisfy(line -> assertThat(line.keySet()).isEqualTo(ENTERPRISE_FIELDS));
        assertThat(comparable(lines(board))).isEqualTo(comparable(expected));
        assertThat(board).containsEntry("basis", "PUBLISHED").containsEntry("published", standings.get("published"));
        for (String region : REGION_FILTERS) {
            assertThat(comparable(lines(enterprises(programmeId, "limit=200&regionCode=" + region))))
                    .as(region).isEqualTo(comparable(expected.stream()
                            .filter(line -> within(region, (String) line.get("regionCode"))).toList()));
        }
        Map<?, ?> fill = (Map<?, ?>) standings.get("tier");
        Map<String, Object> tier = tiers(overview(programmeId)).get(3);
        assertThat(tier).containsEntry("tier", "ENTERPRISES").containsEntry("kept", true)
                .containsEntry("quota", fill.get("quota")).containsEntry("members", fill.get("members"))
                .containsEntry("overflow", fill.get("overflow")).containsEntry("vacancies", fill.get("shortfall"));
        BigDecimal lowest = expected.stream().filter(line -> Boolean.TRUE.equals(line.get("inTier")))
                .map(line -> new BigDecimal(line.get("index").toString())).min(BigDecimal::compareTo).orElse(null);
        assertThat(tier.get("cutOff") == null ? null : new BigDecimal(tier.get("cutOff").toString()))
                .isEqualByComparingTo(lowest);
        return (String) board.get("version");
    }

    /** The division rule, independently: a province keeps its first two digits, a city its four, a county all six. */
    private static boolean within(String division, String code) {
        String prefix = division.endsWith("0000") ? division.substring(0, 2)
                : division.endsWith("00") ? division.substring(0, 4) : division;
        return code.startsWith(prefix);
    }

    // --- the programme --------------------------------------------------------------------------------------------

    /**
     * A programme (quotas: 2 key, 1 demonstration, 2 enterprises) with {@code count} projects of random aspects, key
     * areas and regions hosted by four enterprises in {@link #REGIONS}, valued from four figures (so that some tie),
     * and an event marking (its programme has a public board).
     */
    private Programme programme(Random random, int count) {
        Map<String, Object> body = RegistryFixtures.programmeBody(TestIdentities.unique("项目榜"));
        body.put("quotas", Map.of("key", 2, "demonstration", 1, "enterprises", 2, "stars", 2));
        long programme = fixtures.programme(body);
        List<Long> hosts = new ArrayList<>();
        List<String> hostNames = new ArrayList<>();
        List<String> creditCodes = new ArrayList<>();
        for (String region : REGIONS) {
            String name = TestIdentities.unique("企业");
            String creditCode = TestIdentities.creditCode();
            hostNames.add(name);
            creditCodes.add(creditCode);
            hosts.add(registry.create("/api/enterprises", Map.of("name", name, "creditCode", creditCode,
                    "regionCode", region, "ownership", "STATE_OWNED")));
        }
        List<Project> projects = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            int host = random.nextInt(hosts.size());
            String name = TestIdentities.unique("项目");
            Map<String, Object> project = RegistryFixtures.projectBody(name, hosts.get(host));
            String aspect = ASPECTS.get(random.nextInt(ASPECTS.size()));
            String keyArea = KEY_AREAS.get(random.nextInt(KEY_AREAS.size()));
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            project.put("aspect", aspect);
            project.put("keyArea", keyArea);
            project.put("regionCode", region);
            long id = fixtures.project(programme, project);
            enter(programme, id, 100 * (1 + random.nextInt(4)));
            projects.add(new Project(id, name, hostNames.get(host), aspect, keyArea, region));
        }
        StarEvents.Event event = events.event(programme, 60, 70, 80, 90, 95);
        // the public boards appear once the boards' follower has seen the event go public, after its commit
        BoardFixtures.eventually("programme " + programme + " has public boards", () -> anonymous.get()
                .uri("/api/public/programmes/{p}", programme).exchange().returnResult(Void.class).getStatus()
                .value() == 200);
        return new Programme(programme, projects, event, creditCodes);
    }

    /** The project's one indicator (cost saved) valued {@code cost}. */
    private void enter(long programme, long project, int cost) {
        Map<String, Object> evaluation = admin.get().uri("/api/programmes/{p}/projects/{id}/evaluation", programme,
                project).exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        admin.put().uri("/api/programmes/{p}/projects/{id}/evaluation", programme, project)
                .header("If-Match", "\"" + number(evaluation.get("version")).longValue() + "\"")
                .bodyValue(Map.of("values", List.of(Map.of("indicator", "COST", "value", cost, "evidence", "审计报告"))))
                .exchange().expectStatus().isOk();
    }

    private void moveEvaluation(long programme, String status) {
        String version = admin.get().uri("/api/programmes/{p}/project-evaluation", programme).exchange()
                .expectStatus().isOk().returnResult(Void.class).getResponseHeaders().getETag();
        admin.post().uri("/api/programmes/{p}/project-evaluation/transition", programme).header("If-Match", version)
                .bodyValue(Map.of("status", status)).exchange().expectStatus().isOk();
    }

    // --- reading ----------------------------------------------------------------------------------------------------

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    private Map<String, Object> projects(long programme, String query) {
        return publicly("/api/public/programmes/" + programme + "/projects?" + query);
    }

    private Map<String, Object> enterprises(long programme, String query) {
        return publicly("/api/public/programmes/" + programme + "/enterprises?" + query);
    }

    private Map<String, Object> overview(long programme) {
        return publicly("/api/public/programmes/" + programme);
    }

    private Map<String, Object> publicly(String uri) {
        return anonymous.get().uri(uri).exchange().expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody();
    }

    /** The answer once its {@code field} lists something (at most 15 s): live boards follow changes after commit. */
    private Map<String, Object> whenShown(String uri, String field) {
        BoardFixtures.eventually(uri + " lists its " + field, () -> !list(publicly(uri).get(field)).isEmpty());
        return publicly(uri);
    }

    private Map<String, Object> standings(long programme) {
        return admin.get().uri("/api/programmes/{p}/project-standings", programme).exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
    }

    private void refused(String uri, String parameter, String rule) {
        var body = anonymous.get().uri(uri).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json").expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(parameter);
        if (rule != null) {
            body.jsonPath("$.errors[0].rule").isEqualTo(rule);
        }
    }

    private static List<Map<String, Object>> lines(Map<String, Object> board) {
        return list(board.get("entries"));
    }

    private static List<Map<String, Object>> tiers(Map<String, Object> overview) {
        return list(overview.get("tiers"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static Number number(Object value) {
        return (Number) value;
    }
}
