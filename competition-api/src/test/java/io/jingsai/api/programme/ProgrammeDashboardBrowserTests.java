package io.jingsai.api.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.Browsers;
import io.jingsai.api.ServerTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.judging.MarkingFixtures;

/**
 * The dashboard's programme view in a real browser (Debian's chromium, headless; skipped only where it is not
 * installed): opened at {@code /?programme=ID}, its four tier cards, its star board and its project and enterprise
 * boards show what the public REST routes answer (the oracle: {@code GET /api/public/programmes/{id}}, {@code …/stars},
 * {@code …/projects}, {@code …/enterprises}), line for line; a mark submitted through the API reaches the star board
 * within two seconds without a reload and without a poll of its page (the first page follows the star board stream,
 * the rest is polled every ten seconds); the trade filter shows the trade's part of the board as the API ranks it;
 * the address keeps the view; it switches to English, has a big-screen mode and fits a phone. Screenshots go to
 * {@code target/programme-dashboard-screenshots/}.
 */
@ServerTest
class ProgrammeDashboardBrowserTests {

    private static final Duration LIVE = Duration.ofSeconds(2);
    /** The slow polls (every 10 s) of what the stream does not carry, with room for a busy machine. */
    private static final Duration POLLED = Duration.ofSeconds(25);
    private static final Duration LOADING = Duration.ofSeconds(20);
    private static final int STARS_QUOTA = 3;
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient database;

    private Browsers browsers;
    private ChromeDriver browser;
    private WebTestClient web;
    private WebTestClient anonymous;
    private WebTestClient admin;
    private MarkingFixtures marking;
    private RegistryFixtures fixtures;
    private TestRegistry registry;

    /** An entry of one of the programme's events, marked by that event's judge. */
    record Entrant(long event, long registration, MarkingFixtures.Judge judge) {
    }

    record Programme(long id, List<Long> trades, List<Entrant> entrants) {
    }

    @BeforeEach
    void setUp() throws IOException {
        browsers = Browsers.chromium("programme-dashboard-screenshots", 1366, 900);
        browser = browsers.driver();
        web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        marking = new MarkingFixtures(web, database);
        admin = marking.admin();
        anonymous = TestClients.anonymous(web);
        fixtures = new RegistryFixtures(admin, database);
        registry = new TestRegistry(admin);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browsers != null) {
            browsers.close();
        }
    }

    @Test
    void theTiersAndTheStarBoardShowWhatTheApiAnswersAndFollowAMarkLive() throws IOException {
        // Six entries an event: an event's scores are standardised from five results on (docs/programme.md).
        Programme programme = programme(2, 6);
        List<Entrant> entrants = programme.entrants();
        int total = 30;
        for (Entrant entrant : entrants.subList(0, entrants.size() - 1)) {
            mark(entrant, total);
            total += 6;
        }
        int onTheBoard = entrants.size() - 1;
        waitForApi("every mark on the public star board",
                () -> number(stars(programme.id(), ""), "total") == onTheBoard);

        browser.get("http://localhost:" + port + "/?programme=" + programme.id());
        waitFor("the star board's lines", LOADING, () -> rows().size() == onTheBoard);
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.id("programme-tab")).getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.findElement(By.id("event-view")).isDisplayed()).isFalse();
        waitFor("the programme's name", LOADING, () -> text("#programme-name").startsWith("标兵看板"));
        assertTheTiersAreTheOverview(programme.id());
        assertTheBoardIsTheApis(programme.id(), "");
        assertThat(browser.findElements(By.cssSelector("#stars-table thead th[scope=col]"))).hasSize(7);
        waitFor("the star board stream open", LOADING, () -> "open".equals(browser.findElement(By.id("stars"))
                .getDomAttribute("data-stream")));
        assertThat(text("#programme-connection")).startsWith("实时连接中");
        waitFor("participation by trade drawn by ECharts", LOADING,
                () -> !browser.findElements(By.cssSelector("#trade-chart canvas")).isEmpty()
                        && text("#trade-chart-summary").startsWith(onTheBoard + " 名选手，分属 2 个类别"));
        script("window.sameDocument = true");

        Entrant newcomer = entrants.get(entrants.size() - 1);
        long newcomerId = contestantOf(newcomer);
        mark(newcomer, 100);
        long acknowledged = System.nanoTime();
        waitForApi("the new mark in the API", () -> list(stars(programme.id(), ""), "entries").stream()
                .anyMatch(line -> ((Number) line.get("contestantId")).longValue() == newcomerId));
        Duration inTheApi = Duration.ofNanos(System.nanoTime() - acknowledged);
        waitFor("the new mark on the star board", LIVE, () -> rowIds().contains(newcomerId));
        Duration delay = Duration.ofNanos(System.nanoTime() - acknowledged);
        System.out.printf("star board: a mark reached the public API %d ms and the page %d ms after its "
                + "acknowledgement (over the star board stream)%n", inTheApi.toMillis(), delay.toMillis());
        assertThat(delay).as("from the mark's acknowledgement to the browser").isLessThan(LIVE);
        assertThat(script("return window.sameDocument === true")).as("no reload").isEqualTo(true);
        assertThat(rowOf(newcomerId).findElement(By.cssSelector("td.movement")).getText())
                .as("new on the board").startsWith("★");
        assertThat(rowOf(newcomerId).getDomAttribute("class")).contains("changed");
        assertThat(text("#stars-changes")).startsWith("标兵榜更新");
        assertThat(firstPagePolls()).as("asks for the star board's first page (it follows the stream)").isEmpty();
        assertThat(browser.findElement(By.id("stars")).getDomAttribute("data-stream")).isEqualTo("open");
        assertThePollsOfAnUnchangedBoardCostNoBody();
        waitForApi("the new mark in the API", () -> number(stars(programme.id(), ""), "total") == entrants.size());
        assertTheBoardIsTheApis(programme.id(), "");
        assertTheTiersAreTheOverview(programme.id());
        screenshot("programme-zh.png");

        long trade = programme.trades().get(1);
        waitFor("the trades to choose from", LOADING, () -> new Select(browser.findElement(By.id("star-filter")))
                .getOptions().stream().anyMatch(option -> ("trade:" + trade).equals(option.getDomAttribute("value"))));
        choose("trade:" + trade);
        waitFor("the trade's part of the board", LOADING, () -> rows().size() == entrants.size() / 2);
        assertTheBoardIsTheApis(programme.id(), "&tradeId=" + trade);
        choose("");
        waitFor("the whole board again", LOADING, () -> rows().size() == entrants.size());

        browser.findElement(By.id("event-tab")).click();
        waitFor("the event view", LOADING, () -> browser.findElement(By.id("event-view")).isDisplayed());
        assertThat(browser.getCurrentUrl()).doesNotContain("programme=");
        browser.findElement(By.id("programme-tab")).click();
        waitFor("the programme view again", LOADING, () -> rows().size() == entrants.size());
        assertThat(browser.getCurrentUrl()).contains("programme=" + programme.id()).doesNotContain("event=");

        browser.findElement(By.id("language-toggle")).click();
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(text("#tiers-heading")).isEqualTo("The four tiers (十百千万)");
        assertThat(text("[data-tier=STARS] h3")).endsWith("Competition stars");
        assertThat(text("[data-tier=KEY] .not-public")).isEqualTo("Not yet public: quota only");
        assertThat(text("#stars-table thead th")).isEqualTo("Rank");
        assertThat(browser.findElements(By.cssSelector("#stars-rows .badge.provisional")))
                .allSatisfy(badge -> assertThat(badge.getText()).isEqualTo("provisional"));
        waitFor("the English chart summary", LOADING,
                () -> text("#trade-chart-summary").startsWith(entrants.size() + " contestants in 2 groups"));
        screenshot("programme-en.png");

        browser.manage().window().setSize(new Dimension(1920, 1080));
        browser.findElement(By.id("screen-toggle")).click();
        assertThat(browser.getCurrentUrl()).contains("screen=big", "programme=" + programme.id());
        assertThat(fontSizeOf("#stars-rows td.total")).as("large type on the big screen").isGreaterThanOrEqualTo(24);
        assertThat(browser.findElement(By.id("star-filter")).isDisplayed()).as("nothing to choose").isFalse();
        screenshot("programme-big-screen.png");

        browser.findElement(By.id("screen-toggle")).click();
        browser.manage().window().setSize(new Dimension(390, 844));
        waitFor("the phone layout", Duration.ofSeconds(5),
                () -> !browser.findElement(By.cssSelector("#stars-table td.enterprise")).isDisplayed());
        assertThat(script("return [...document.querySelectorAll('body *')].filter(element => "
                + "!element.closest('.table-scroll') && element.getBoundingClientRect().right > window.innerWidth)"
                + ".map(element => element.tagName + '#' + element.id + '.' + element.className)"))
                .as("elements wider than the phone (the table may scroll in its box)").asList().isEmpty();
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector("#stars-table td.total")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("[data-tier=STARS]")).isDisplayed()).isTrue();
        screenshot("programme-phone.png");

        assertThat(browsers.consoleErrors())
                .as("errors in the browser (a blocked script or style under the CSP, a failed request)").isEmpty();
    }

    /**
     * A programme that splits its stars quota by key area: the tier cards add one stars card per split with the
     * split's quota and tier, a list offers the splits' boards, and the board chosen is the API's board of that split,
     * followed live by its own stream.
     */
    @Test
    void eachSplitOfTheStarsQuotaHasItsTierCardAndItsBoardFollowedLive() throws IOException {
        Programme programme = programme(2, 6, Map.of("combination", "BEST", "cutOffPolicy", "INCLUDE_ALL",
                "splitBy", "KEY_AREA", "splits", List.of(Map.of("key", "TECH", "quota", 2),
                        Map.of("key", "INDUSTRY", "quota", 1))), List.of("TECH", "INDUSTRY"));
        List<Entrant> tech = programme.entrants().stream()
                .filter(entrant -> entrant.event() == programme.entrants().get(0).event()).toList();
        int total = 30;
        for (Entrant entrant : programme.entrants()) {
            if (entrant != tech.get(tech.size() - 1)) {
                mark(entrant, total);
                total += 5;
            }
        }
        waitForApi("the marks on the TECH board", () -> number(stars(programme.id(), "&split=TECH"), "total")
                == tech.size() - 1);

        browser.get("http://localhost:" + port + "/?programme=" + programme.id());
        waitFor("the programme's name", LOADING, () -> text("#programme-name").startsWith("标兵看板"));
        waitForApiAndPage("a stars card per split, as the overview", () -> {
            List<Map<String, Object>> splits = list(anonymous.get().uri("/api/public/programmes/{p}", programme.id())
                    .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody(), "starSplits");
            List<WebElement> cards = browser.findElements(By.cssSelector("#tier-cards > li.tier-card[data-split]"));
            if (cards.size() != splits.size()) {
                return false;
            }
            for (int i = 0; i < splits.size(); i++) {
                if (!cards.get(i).getDomAttribute("data-split").equals(splits.get(i).get("key"))
                        || !cardShows(cards.get(i), map(splits.get(i), "stars"))) {
                    return false;
                }
            }
            return true;
        });
        assertThat(text("[data-split=TECH] h3")).endsWith("竞赛标兵 · 科技强省");
        assertThat(browser.findElement(By.id("star-split")).isDisplayed()).isTrue();
        assertThat(new Select(browser.findElement(By.id("star-split"))).getOptions())
                .extracting(option -> option.getDomAttribute("value")).containsExactly("", "TECH", "INDUSTRY");

        waitFor("the split TECH chosen", LOADING, () -> {
            new Select(browser.findElement(By.id("star-split"))).selectByValue("TECH");
            return "TECH".equals(browser.findElement(By.id("star-split")).getDomProperty("value"));
        });
        assertTheBoardIsTheApis(programme.id(), "&split=TECH");
        assertThat(text("#stars-caption")).contains("科技强省").contains("标兵名额 2 名");
        waitFor("the split's stream open", LOADING, () -> "open".equals(browser.findElement(By.id("stars"))
                .getDomAttribute("data-stream")));

        Entrant newcomer = tech.get(tech.size() - 1);
        long newcomerId = contestantOf(newcomer);
        mark(newcomer, 100);
        waitFor("the new mark on the split's board", LOADING, () -> rowIds().contains(newcomerId));
        assertTheBoardIsTheApis(programme.id(), "&split=TECH");
        screenshot("programme-split.png");
        assertThat(browsers.consoleErrors()).as("errors in the browser").isEmpty();
    }

    /**
     * The project and enterprise boards show what their public routes answer, line for line: before the organizers
     * release the project evaluation the project board says so; in public review its lines carry the 暂定 badge and
     * the key and demonstration projects their badges; once published, the overview keeps the four tiers and the
     * enterprises board says it is final. Aspect and key-area names follow the language.
     */
    @Test
    void theProjectAndEnterpriseBoardsShowWhatTheApiAnswers() throws IOException {
        TierProgramme programme = tierProgramme(new Random(2026), 6);
        browser.get("http://localhost:" + port + "/?programme=" + programme.id());
        waitFor("the project board not released yet", LOADING, () -> browser.findElement(By.id("projects-empty"))
                .isDisplayed() && text("#projects-empty").startsWith("项目评审尚未公布"));
        assertThat(browser.findElements(By.cssSelector("#projects-rows tr"))).isEmpty();
        assertTheBoardShowsTheApis("enterprises", programme.id(), this::enterpriseAsWritten, this::enterpriseAsShown);

        moveEvaluation(programme.id(), "REVIEWED");
        assertTheBoardShowsTheApis("projects", programme.id(), this::projectAsWritten, this::projectAsShown);
        assertThat(text("#projects-state")).startsWith("评审结果公示中");
        assertThat(browser.findElements(By.cssSelector("#projects-rows td.total .badge.provisional")))
                .hasSize(programme.projects());
        assertThat(browser.findElements(By.cssSelector("#projects-rows .tier-badge")))
                .extracting(WebElement::getText).containsOnly("示范", "重点").isNotEmpty();

        moveEvaluation(programme.id(), "PUBLISHED");
        fixtures.moveEvent(programme.event(), "PUBLISHED");
        waitFor("the evaluation published", POLLED, () -> text("#projects-state").equals("评审结果已发布"));
        assertTheBoardShowsTheApis("projects", programme.id(), this::projectAsWritten, this::projectAsShown);
        waitFor("the enterprises board final", POLLED, () -> text("#enterprises-state").startsWith("全部成绩和评审已发布"));
        assertTheBoardShowsTheApis("enterprises", programme.id(), this::enterpriseAsWritten, this::enterpriseAsShown);
        assertThat(browser.findElements(By.cssSelector("#enterprises-rows .tier-badge.in-tier"))).isNotEmpty();

        // Filters: a key area of the programme on the project board, a region on the enterprises board.
        String projects = "/api/public/programmes/" + programme.id() + "/projects";
        String keyArea = (String) list(publicly(projects + "?limit=1"), "entries").get(0).get("keyArea");
        chooseIn("projects-filter", "keyArea:" + keyArea);
        assertTheBoardShowsTheApis("projects", programme.id(), "&keyArea=" + keyArea, this::projectAsWritten,
                this::projectAsShown);
        assertThat(browser.findElements(By.cssSelector("#projects-rows td.key-area"))).extracting(WebElement::getText)
                .containsOnly(keyAreaName(programme.id(), keyArea));
        @SuppressWarnings("unchecked")
        List<String> regions = (List<String>) publicly("/api/public/programmes/" + programme.id()
                + "/enterprises?limit=1").get("regions");
        String county = regions.get(regions.size() - 1);
        chooseIn("enterprises-filter", "regionCode:" + county);
        assertTheBoardShowsTheApis("enterprises", programme.id(), "&regionCode=" + county,
                this::enterpriseAsWritten, this::enterpriseAsShown);
        chooseIn("projects-filter", "");
        chooseIn("enterprises-filter", "");
        assertTheBoardShowsTheApis("projects", programme.id(), this::projectAsWritten, this::projectAsShown);
        assertTheTiersAreTheOverview(programme.id());
        assertThat(browser.findElements(By.cssSelector("#tier-cards > li[data-kept=false]"))).isEmpty();
        assertTheBoardIsTheApis(programme.id(), "");
        assertThat(browser.findElements(By.cssSelector("#projects-table caption, #enterprises-table caption")))
                .allSatisfy(caption -> assertThat(caption.getText()).isNotBlank());
        script("document.getElementById('projects').scrollIntoView()");
        screenshot("programme-tier-boards-zh.png");

        browser.findElement(By.id("language-toggle")).click();
        assertThat(text("#projects-heading")).isEqualTo("Key and demonstration projects");
        assertThat(text("#enterprises-table thead th.total")).isEqualTo("Index");
        assertTheBoardShowsTheApis("projects", programme.id(), this::projectAsWritten, this::projectAsShown);
        assertTheBoardShowsTheApis("enterprises", programme.id(), this::enterpriseAsWritten, this::enterpriseAsShown);
        assertThat(text("#projects-state")).isEqualTo("Evaluation published");
        script("document.getElementById('projects').scrollIntoView()");
        screenshot("programme-tier-boards-en.png");

        browser.manage().window().setSize(new Dimension(390, 844));
        waitFor("the phone layout", Duration.ofSeconds(5),
                () -> !browser.findElement(By.cssSelector("#projects-table td.key-area")).isDisplayed());
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isEqualTo(true);
        script("document.getElementById('projects').scrollIntoView()");
        screenshot("programme-tier-boards-phone.png");
        assertThat(browsers.consoleErrors()).isEmpty();
    }

    /**
     * Waits until the board's rows are its route's first page, in order, as {@code asWritten} writes an API line in
     * the page's language.
     */
    private void assertTheBoardShowsTheApis(String board, long programmeId,
                                            java.util.function.Function<Map<String, Object>, List<String>> asWritten,
                                            java.util.function.Function<WebElement, List<String>> asShown) {
        assertTheBoardShowsTheApis(board, programmeId, "", asWritten, asShown);
    }

    /** As above, for the board's route with {@code filter} ({@code &keyArea=TECH}). */
    private void assertTheBoardShowsTheApis(String board, long programmeId, String filter,
                                            java.util.function.Function<Map<String, Object>, List<String>> asWritten,
                                            java.util.function.Function<WebElement, List<String>> asShown) {
        List<List<String>> expected = new ArrayList<>();
        List<List<String>> shown = new ArrayList<>();
        try {
            browsers.waitFor("the " + board + " board as the API answers it", POLLED, () -> {
                expected.clear();
                shown.clear();
                Map<String, Object> answer = publicly("/api/public/programmes/" + programmeId + "/" + board
                        + "?limit=50" + filter);
                list(answer, "entries").forEach(line -> {
                    Map<String, Object> withBoard = new HashMap<>(line);
                    withBoard.put("boardProvisional", answer.get("provisional"));
                    expected.add(asWritten.apply(withBoard));
                });
                browser.findElements(By.cssSelector("#" + board + "-rows tr")).forEach(row ->
                        shown.add(asShown.apply(row)));
                return !expected.isEmpty() && shown.equals(expected);
            });
        } catch (org.openqa.selenium.TimeoutException late) {
            assertThat(shown).as("the %s board against the API", board).isEqualTo(expected);
        }
    }

    /** A project line as the page writes it: names of the aspect and key area in the page's language. */
    private List<String> projectAsWritten(Map<String, Object> line) {
        boolean english = "en".equals(browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        Map<String, Object> aspect = aspects().stream().filter(one -> one.get("code").equals(line.get("aspect")))
                .findFirst().orElseThrow();
        Object keyAreaName = english && line.get("keyAreaNameEn") != null ? line.get("keyAreaNameEn")
                : line.get("keyAreaName");
        String tier = line.get("tier") == null ? "" : english ? (line.get("tier").equals("KEY") ? "key"
                : "demonstration") : (line.get("tier").equals("KEY") ? "重点" : "示范");
        String provisional = Boolean.TRUE.equals(line.get("boardProvisional")) ? (english ? " provisional" : " 暂定")
                : "";
        return List.of(String.valueOf(line.get("projectId")), String.valueOf(line.get("rank")),
                (String) line.get("name"), tier, orEmpty(line.get("hostEnterprise")),
                (String) aspect.get(english ? "nameEn" : "nameZh"), keyAreaName == null ? "" : (String) keyAreaName,
                orEmpty(line.get("regionCode")), plain(line.get("score")) + provisional);
    }

    private List<String> projectAsShown(WebElement row) {
        return List.of(row.getDomAttribute("data-project-id"), textOf(row, "td.rank"), textOf(row, "th.project"),
                textOf(row, "td.tier"), textOf(row, "td.enterprise"), textOf(row, "td.aspect"),
                textOf(row, "td.key-area"), textOf(row, "td.region"), textOf(row, "td.total"));
    }

    private List<String> enterpriseAsWritten(Map<String, Object> line) {
        boolean english = "en".equals(browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        String badge = Boolean.TRUE.equals(line.get("inTier")) ? (english ? " in tier" : " 万家企业") : "";
        return List.of(String.valueOf(line.get("enterpriseId")), String.valueOf(line.get("rank")),
                line.get("name") + badge, orEmpty(line.get("regionCode")), plain(line.get("index")));
    }

    /** An absent value as the page writes it: nothing. */
    private static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }

    private List<String> enterpriseAsShown(WebElement row) {
        return List.of(row.getDomAttribute("data-enterprise-id"), textOf(row, "td.rank"),
                textOf(row, "th.enterprise-name"), textOf(row, "td.region"), textOf(row, "td.total"));
    }

    private List<Map<String, Object>> aspects() {
        return anonymous.get().uri("/api/reference/aspects").exchange().expectStatus().isOk()
                .expectBodyList(MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> publicly(String uri) {
        return anonymous.get().uri(uri).exchange().expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody();
    }

    /**
     * The page's star board model ({@code dashboard/js/stars.js}, run in the browser) against a model of its own rule
     * written here: over a seeded random sequence of boards (contestants joining, scores changing, ties), each new
     * version of one page gives every line that moved its change of place, every line new among the places shown
     * (or below them when they reached the end of the board) a star, and reports exactly the lines that moved, came
     * or changed rank or score.
     */
    @ParameterizedTest
    @ValueSource(longs = {7, 42, 2026})
    void eachLineMovesByItsChangeOfPlaceSinceTheVersionBefore(long seed) {
        Random random = new Random(seed);
        int offset = random.nextBoolean() ? 0 : 4;
        int size = 3 + random.nextInt(6);
        Map<Long, Integer> scores = new HashMap<>();
        List<Map<String, Object>> versions = new ArrayList<>();
        for (int version = 0; version < 40; version++) {
            for (int change = random.nextInt(4); change > 0; change--) {
                long contestant = 1 + random.nextInt(20);
                scores.put(contestant, 700 + random.nextInt(12) * 10);
            }
            versions.add(page(scores, offset, size, "v" + version));
        }
        browser.get("http://localhost:" + port + "/");
        List<?> taken = (List<?>) script("""
                return import('/dashboard/js/stars.js').then(({ StarBoard }) => {
                  const board = new StarBoard();
                  return arguments[0].map(answer => {
                    const changed = board.take(answer).map(String).sort();
                    const moves = [...board.moves].map(([id, move]) => `${id}:${move.isNew ? 'new' : move.delta}`);
                    return { changed, moves: moves.sort() };
                  });
                });""", versions);
        assertThat(taken).hasSize(versions.size());
        for (int v = 1; v < versions.size(); v++) {
            Map<?, ?> result = (Map<?, ?>) taken.get(v);
            Map<String, Object> before = versions.get(v - 1);
            Map<String, Object> after = versions.get(v);
            assertThat(result.get("moves")).as("the moves of version %d", v).isEqualTo(expectedMoves(before, after));
            assertThat(result.get("changed")).as("the changes of version %d", v)
                    .isEqualTo(expectedChanges(before, after));
        }
        assertThat(((Map<?, ?>) taken.get(0)).get("moves")).as("nothing moves in the first version")
                .isEqualTo(List.of());
    }

    /**
     * The page's star board model taking the stream's events, against a model written here: over a seeded random
     * sequence of boards, each state is sent as a {@code change} made as the server makes it (the leading lines that
     * are new or changed place, rank or score; the contestants who left the leading lines), now and then as a fresh
     * {@code snapshot} (a reconnection that could not resume). After each, the page holds exactly the leading lines in
     * order, every line that changed shows its change of place (a star when it was not held before), a line that did
     * not change keeps the movement of its last change, and exactly the changed lines are reported.
     */
    @ParameterizedTest
    @ValueSource(longs = {3, 99, 4242})
    void theStreamedStarBoardHoldsTheLeadingLinesAndTheirLastMove(long seed) {
        Random random = new Random(seed);
        int top = 3 + random.nextInt(5);
        Map<Long, Integer> scores = new HashMap<>();
        List<Map<String, Object>> events = new ArrayList<>();
        List<List<String>> expectedLines = new ArrayList<>();
        List<List<String>> expectedMoves = new ArrayList<>();
        List<List<String>> expectedChanges = new ArrayList<>();
        Map<Object, Map<String, Object>> held = new HashMap<>();
        Map<Object, String> moves = new HashMap<>();
        for (int sequence = 0; sequence < 40; sequence++) {
            for (int change = random.nextInt(4); change > 0; change--) {
                scores.put(1L + random.nextInt(20), 700 + random.nextInt(12) * 10);
            }
            List<Map<String, Object>> lines = list(page(scores, 0, top, "v" + sequence), "entries");
            boolean snapshot = sequence == 0 || random.nextInt(8) == 0;
            List<Map<String, Object>> changed = lines.stream().filter(line -> !sameStreamLine(held.get(
                    line.get("contestantId")), line)).toList();
            List<Object> left = held.keySet().stream().filter(id -> lines.stream()
                    .noneMatch(line -> line.get("contestantId").equals(id))).toList();
            left.forEach(moves::remove);
            for (Map<String, Object> line : sequence == 0 ? List.<Map<String, Object>>of() : changed) {
                Map<String, Object> was = held.get(line.get("contestantId"));
                if (was == null) {
                    moves.put(line.get("contestantId"), "new");
                } else if (position(was) != position(line)) {
                    moves.put(line.get("contestantId"), String.valueOf(position(was) - position(line)));
                }
            }
            events.add(snapshot ? Map.of("kind", "snapshot", "data", Map.of("sequence", sequence, "total",
                    scores.size(), "top", lines)) : Map.of("kind", "change", "data", Map.of("sequence", sequence,
                    "total", scores.size(), "changed", changed, "leftTop", left)));
            held.clear();
            lines.forEach(line -> held.put(line.get("contestantId"), line));
            expectedLines.add(lines.stream().map(line -> line.get("contestantId") + "@" + position(line)).toList());
            expectedMoves.add(moves.entrySet().stream().map(move -> move.getKey() + ":" + move.getValue()).sorted()
                    .toList());
            expectedChanges.add(sequence == 0 ? List.of() : changed.stream()
                    .map(line -> String.valueOf(line.get("contestantId"))).sorted().toList());
        }
        browser.get("http://localhost:" + port + "/");
        List<?> taken = (List<?>) script("""
                return import('/dashboard/js/stars.js').then(({ StarBoard }) => {
                  const board = new StarBoard();
                  return arguments[0].map(({ kind, data }) => {
                    const changed = board[kind](data).map(String).sort();
                    const lines = board.lines.map(line => `${line.contestantId}@${line.position}`);
                    const moves = [...board.moves].map(([id, move]) => `${id}:${move.isNew ? 'new' : move.delta}`);
                    return { lines, changed, moves: moves.sort() };
                  });
                });""", events);
        for (int sequence = 0; sequence < events.size(); sequence++) {
            Map<?, ?> result = (Map<?, ?>) taken.get(sequence);
            assertThat(result.get("lines")).as("the lines after event %d", sequence)
                    .isEqualTo(expectedLines.get(sequence));
            assertThat(result.get("moves")).as("the moves after event %d", sequence)
                    .isEqualTo(expectedMoves.get(sequence));
            assertThat(result.get("changed")).as("the changes of event %d", sequence)
                    .isEqualTo(expectedChanges.get(sequence));
        }
    }

    /** What a change carries a line for: it is new, or its place, rank or score changed. */
    private static boolean sameStreamLine(Map<String, Object> was, Map<String, Object> line) {
        return was != null && position(was) == position(line) && was.get("rank").equals(line.get("rank"))
                && was.get("score").equals(line.get("score"));
    }

    /** One page of the board of {@code scores}: higher first, ties by contestant id, ranked "1224". */
    private static Map<String, Object> page(Map<Long, Integer> scores, int offset, int size, String version) {
        java.util.Comparator<Map.Entry<Long, Integer>> higherFirst = Map.Entry.<Long, Integer>comparingByValue()
                .reversed().thenComparing(Map.Entry.comparingByKey());
        List<Map.Entry<Long, Integer>> order = scores.entrySet().stream().sorted(higherFirst).toList();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = offset; i < Math.min(order.size(), offset + size); i++) {
            int score = order.get(i).getValue();
            int rank = 1 + (int) order.stream().filter(other -> other.getValue() > score).count();
            entries.add(Map.of("contestantId", order.get(i).getKey(), "position", i + 1, "rank", rank,
                    "score", score + ".00", "star", false, "provisional", false));
        }
        return Map.of("version", version, "total", order.size(), "entries", entries);
    }

    /** The rule in words: moved by its change of place; new if unseen and placed among (or past the end of) before. */
    private static List<String> expectedMoves(Map<String, Object> before, Map<String, Object> after) {
        Map<Object, Map<String, Object>> was = byContestant(before);
        List<Map<String, Object>> shownBefore = list(before, "entries");
        int first = shownBefore.isEmpty() ? 0 : position(shownBefore.get(0));
        int last = shownBefore.isEmpty() ? 0 : position(shownBefore.get(shownBefore.size() - 1));
        boolean reachedEnd = last >= number(before, "total");
        List<String> moves = new ArrayList<>();
        for (Map<String, Object> line : list(after, "entries")) {
            Map<String, Object> earlier = was.get(line.get("contestantId"));
            int place = position(line);
            if (earlier == null && place >= first && (place <= last || reachedEnd)) {
                moves.add(line.get("contestantId") + ":new");
            } else if (earlier != null && position(earlier) != place) {
                moves.add(line.get("contestantId") + ":" + (position(earlier) - place));
            }
        }
        return moves.stream().sorted().toList();
    }

    private static List<String> expectedChanges(Map<String, Object> before, Map<String, Object> after) {
        Map<Object, Map<String, Object>> was = byContestant(before);
        List<String> moved = expectedMoves(before, after).stream().map(move -> move.substring(0, move.indexOf(':')))
                .toList();
        List<String> changed = new ArrayList<>(moved);
        for (Map<String, Object> line : list(after, "entries")) {
            Map<String, Object> earlier = was.get(line.get("contestantId"));
            if (earlier != null && position(earlier) == position(line) && (!earlier.get("rank").equals(line.get("rank"))
                    || !earlier.get("score").equals(line.get("score")))) {
                changed.add(String.valueOf(line.get("contestantId")));
            }
        }
        return changed.stream().sorted().toList();
    }

    private static Map<Object, Map<String, Object>> byContestant(Map<String, Object> page) {
        Map<Object, Map<String, Object>> lines = new HashMap<>();
        list(page, "entries").forEach(line -> lines.put(line.get("contestantId"), line));
        return lines;
    }

    private static int position(Map<String, Object> line) {
        return number(line, "position");
    }

    // --- what the page shows, against what the API answers --------------------------------------------------------

    /** The page's asks for the star board's first page, unfiltered, as the browser's resource timing saw them. */
    private List<?> firstPagePolls() {
        return (List<?>) script("return performance.getEntriesByType('resource')"
                + ".map(entry => entry.name).filter(name => /\\/stars\\?offset=0&limit=100$/.test(name))");
    }

    /**
     * The page's polls (the overview, the project and enterprise boards, every 10 s), as the browser's resource
     * timing saw them: once they come again, most answers are 304s without a body, and those carry fewer bytes than
     * the answers with one.
     */
    private void assertThePollsOfAnUnchangedBoardCostNoBody() {
        String read = "return performance.getEntriesByType('resource')"
                + ".filter(entry => entry.name.includes('/api/public/programmes/'))"
                + ".map(entry => [entry.responseStatus, entry.transferSize])";
        waitFor("a slow poll answered 304", POLLED, () -> !sizes((List<?>) script(read), 304).isEmpty());
        List<?> polls = (List<?>) script(read);
        List<Long> unchanged = sizes(polls, 304);
        List<Long> changed = sizes(polls, 200);
        System.out.printf("star board polls: %d answered 304 (%d bytes on average), %d answered 200 (%d bytes)%n",
                unchanged.size(), average(unchanged), changed.size(), average(changed));
        assertThat(unchanged).as("polls answered 304").isNotEmpty();
        assertThat(average(unchanged)).as("a 304 against an answer with a body").isLessThan(average(changed));
    }

    private static List<Long> sizes(List<?> polls, int status) {
        return polls.stream().map(poll -> (List<?>) poll)
                .filter(poll -> ((Number) poll.get(0)).intValue() == status)
                .map(poll -> ((Number) poll.get(1)).longValue()).toList();
    }

    private static long average(List<Long> sizes) {
        return sizes.isEmpty() ? 0 : sizes.stream().mapToLong(Long::longValue).sum() / sizes.size();
    }

    /** The four cards in the overview's order; the kept tier with the overview's numbers, the others "not public". */
    private void assertTheTiersAreTheOverview(long programmeId) {
        waitForApiAndPage("the tier cards as the overview", () -> {
            List<Map<String, Object>> tiers = list(anonymous.get().uri("/api/public/programmes/{p}", programmeId)
                    .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody(), "tiers");
            List<WebElement> cards = browser.findElements(By.cssSelector("#tier-cards > li.tier-card"));
            if (cards.size() != tiers.size()) {
                return false;
            }
            for (int i = 0; i < tiers.size(); i++) {
                if (!cardShows(cards.get(i), tiers.get(i))) {
                    return false;
                }
            }
            return true;
        });
        assertThat(browser.findElements(By.cssSelector("#tier-cards > li.tier-card")))
                .extracting(card -> card.getDomAttribute("data-tier"))
                .containsExactly("DEMONSTRATION", "KEY", "STARS", "ENTERPRISES");
    }

    private static boolean cardShows(WebElement card, Map<String, Object> tier) {
        boolean kept = Boolean.TRUE.equals(tier.get("kept"));
        if (!card.getDomAttribute("data-tier").equals(tier.get("tier"))
                || !fact(card, "quota").equals(grouped(tier.get("quota")))) {
            return false;
        }
        if (!kept) {
            return card.findElement(By.cssSelector(".not-public")).getText().equals("尚未公开，仅公布名额")
                    && card.findElements(By.cssSelector(".members")).isEmpty();
        }
        String cutOff = tier.get("cutOff") == null ? "暂无" : plain(tier.get("cutOff"));
        return fact(card, "members").equals(grouped(tier.get("members")))
                && fact(card, "vacancies").equals(grouped(tier.get("vacancies")))
                && fact(card, "overflow").equals(grouped(tier.get("overflow")))
                && fact(card, "cutOff").equals(cutOff);
    }

    /** A count as the page writes it in Chinese: digits grouped by thousands (10,000). */
    private static String grouped(Object count) {
        return String.format(java.util.Locale.ROOT, "%,d", ((Number) count).longValue());
    }

    private static String fact(WebElement card, String key) {
        List<WebElement> found = card.findElements(By.cssSelector("." + key + " dd"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /**
     * Waits until the page's lines are the API's first page (same {@code filter}), in order: contestant, rank, name,
     * enterprise, trade, region, score, and the 标兵 and 暂定 badges exactly where star and provisional are true.
     */
    private void assertTheBoardIsTheApis(long programmeId, String filter) {
        List<List<String>> expected = new ArrayList<>();
        List<List<String>> shown = new ArrayList<>();
        try {
            waitForApiAndPage("the star board as the API answers it", () -> {
                expected.clear();
                shown.clear();
                list(stars(programmeId, filter), "entries").forEach(line -> expected.add(asWritten(line)));
                rows().forEach(row -> shown.add(asShown(row)));
                return shown.equals(expected);
            });
        } catch (org.openqa.selenium.TimeoutException late) {
            assertThat(shown).as("the star board against the API").isEqualTo(expected);
        }
    }

    /** A line of the API as the page should write it. */
    private static List<String> asWritten(Map<String, Object> line) {
        boolean star = Boolean.TRUE.equals(line.get("star"));
        boolean provisional = Boolean.TRUE.equals(line.get("provisional"));
        return List.of(String.valueOf(line.get("contestantId")), String.valueOf(line.get("rank")),
                line.get("name") + (star ? " 标兵" : ""), (String) line.get("enterprise"), (String) line.get("trade"),
                (String) line.get("regionCode"), plain(line.get("score")) + (provisional ? " 暂定" : ""),
                "star " + star, "provisional " + provisional);
    }

    private static List<String> asShown(WebElement row) {
        return List.of(row.getDomAttribute("data-contestant-id"), textOf(row, "td.rank"), textOf(row, "th.entrant"),
                textOf(row, "td.enterprise"), textOf(row, "td.trade"), textOf(row, "td.region"),
                textOf(row, "td.total"),
                "star " + !row.findElements(By.cssSelector("th.entrant .star-badge")).isEmpty(),
                "provisional " + !row.findElements(By.cssSelector("td.total .badge.provisional")).isEmpty());
    }

    private static String textOf(WebElement row, String selector) {
        return row.findElement(By.cssSelector(selector)).getText();
    }

    /** A decimal as the page writes it: exact, without trailing zeros. */
    private static String plain(Object decimal) {
        return new BigDecimal(decimal.toString()).stripTrailingZeros().toPlainString();
    }

    // --- the programme, through the API ---------------------------------------------------------------------------

    /** A programme of {@code events} individual events in trades of their own, each with {@code entrants} entries. */
    private Programme programme(int events, int entrants) {
        return programme(events, entrants, Map.of("combination", "BEST", "cutOffPolicy", "INCLUDE_ALL"), List.of());
    }

    /**
     * As above, with this star rule; with key areas, the events belong to one project each, of the key areas in turn.
     */
    private Programme programme(int events, int entrants, Map<String, Object> starRule, List<String> keyAreas) {
        Map<String, Object> body = RegistryFixtures.programmeBody(TestIdentities.unique("标兵看板"));
        body.put("quotas", Map.of("stars", STARS_QUOTA));
        body.put("starRule", starRule);
        long programme = fixtures.programme(body);
        List<Long> enterprises = List.of(registry.enterprise(), registry.enterprise());
        Map<String, Long> projects = new HashMap<>();
        for (String area : keyAreas) {
            Map<String, Object> project = RegistryFixtures.projectBody(TestIdentities.unique("项目"),
                    enterprises.get(0));
            project.put("keyArea", area);
            projects.put(area, fixtures.project(programme, project));
        }
        List<Long> trades = new ArrayList<>();
        List<Entrant> all = new ArrayList<>();
        for (int e = 0; e < events; e++) {
            long trade = registry.trade();
            Map<String, Object> event = RegistryFixtures.eventBody(programme, trade, TestIdentities.unique("赛项"));
            event.put("scheme", RegistryFixtures.json(StarStandingsTests.SCHEME));
            event.put("rules", RegistryFixtures.json(StarStandingsTests.RULES));
            if (!keyAreas.isEmpty()) {
                event.put("projectId", projects.get(keyAreas.get(e % keyAreas.size())));
            }
            long id = fixtures.event(event);
            List<Long> registrations = new ArrayList<>();
            for (int i = 0; i < entrants; i++) {
                long contestant = registry.contestant(enterprises.get(i % 2), trade);
                registrations.add(registry.create("/api/events/" + id + "/registrations",
                        Map.of("contestantId", contestant)));
            }
            marking.event = id;
            MarkingFixtures.Judge judge = marking.judges(1).get(0);
            fixtures.moveEvent(id, "MARKING");
            registrations.forEach(registration -> all.add(new Entrant(id, registration, judge)));
            trades.add(trade);
        }
        return new Programme(programme, trades, all);
    }

    /** A programme with projects valued and an event marking, as the tier board tests make them. */
    record TierProgramme(long id, int projects, long event) {
    }

    /**
     * A programme (quotas: 2 key, 1 demonstration, 2 enterprises) with {@code count} projects of random aspects, key
     * areas and regions hosted by three enterprises, valued from four figures (so that some tie), and an event marking
     * (its programme has a public board).
     */
    private TierProgramme tierProgramme(Random random, int count) {
        Map<String, Object> body = RegistryFixtures.programmeBody(TestIdentities.unique("项目看板"));
        body.put("quotas", Map.of("key", 2, "demonstration", 1, "enterprises", 2, "stars", 2));
        long programme = fixtures.programme(body);
        List<String> regions = List.of("610102", "610302", "610402");
        List<Long> hosts = new ArrayList<>();
        for (String region : regions) {
            hosts.add(registry.create("/api/enterprises", Map.of("name", TestIdentities.unique("企业"),
                    "creditCode", TestIdentities.creditCode(), "regionCode", region, "ownership", "STATE_OWNED")));
        }
        List<String> aspects = List.of("ENGINEERING_EXCELLENCE", "QUALITY", "WORK_SAFETY");
        List<String> keyAreas = List.of("TECH", "INDUSTRY");
        for (int p = 0; p < count; p++) {
            Map<String, Object> project = RegistryFixtures.projectBody(TestIdentities.unique("项目"),
                    hosts.get(random.nextInt(hosts.size())));
            project.put("aspect", aspects.get(random.nextInt(aspects.size())));
            project.put("keyArea", keyAreas.get(p % keyAreas.size()));
            project.put("regionCode", regions.get(random.nextInt(regions.size())));
            enter(programme, fixtures.project(programme, project), 100 * (1 + random.nextInt(4)));
        }
        long event = new StarEvents(web, database).event(programme, 60, 70, 80, 90, 95).id();
        return new TierProgramme(programme, count, event);
    }

    /** The project's one indicator (cost saved) valued {@code cost}. */
    private void enter(long programme, long project, int cost) {
        Map<String, Object> evaluation = admin.get().uri("/api/programmes/{p}/projects/{id}/evaluation", programme,
                project).exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        admin.put().uri("/api/programmes/{p}/projects/{id}/evaluation", programme, project)
                .header("If-Match", "\"" + number(evaluation, "version") + "\"")
                .bodyValue(Map.of("values", List.of(Map.of("indicator", "COST", "value", cost, "evidence", "审计报告"))))
                .exchange().expectStatus().isOk();
    }

    private void moveEvaluation(long programme, String status) {
        String version = admin.get().uri("/api/programmes/{p}/project-evaluation", programme).exchange()
                .expectStatus().isOk().returnResult(Void.class).getResponseHeaders().getETag();
        admin.post().uri("/api/programmes/{p}/project-evaluation/transition", programme).header("If-Match", version)
                .bodyValue(Map.of("status", status)).exchange().expectStatus().isOk();
    }

    private void mark(Entrant entrant, int total) {
        MarkingFixtures.submit(entrant.judge().client(), entrant.event(), entrant.registration(),
                UUID.randomUUID().toString(), MarkingFixtures.sheet("M1", total)).expectStatus().isCreated();
    }

    private long contestantOf(Entrant entrant) {
        Map<String, Object> registration = admin.get().uri("/api/events/{e}/registrations/{r}", entrant.event(),
                entrant.registration()).exchange().expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody();
        return ((Number) registration.get("contestantId")).longValue();
    }

    private Map<String, Object> stars(long programmeId, String filter) {
        return anonymous.get().uri("/api/public/programmes/" + programmeId + "/stars?limit=100" + filter).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> body, String key) {
        return (Map<String, Object>) body.get(key);
    }

    private static int number(Map<String, Object> body, String key) {
        return ((Number) body.get(key)).intValue();
    }

    // --- the browser ------------------------------------------------------------------------------------------------

    /** Chooses a filter; the list is filled again when the board's counts change, so a stale option is tried again. */
    private void choose(String filter) {
        waitFor("the filter " + filter + " chosen", LOADING, () -> {
            new Select(browser.findElement(By.id("star-filter"))).selectByValue(filter);
            return filter.equals(browser.findElement(By.id("star-filter")).getDomProperty("value"));
        });
    }

    /** Chooses in a board's filter list; it is filled again when its choices change, so a stale one is retried. */
    private void chooseIn(String list, String value) {
        waitFor("the filter " + value + " chosen in " + list, LOADING, () -> {
            new Select(browser.findElement(By.id(list))).selectByValue(value);
            return value.equals(browser.findElement(By.id(list)).getDomProperty("value"));
        });
    }

    /** The key area's name as the programme gives it (the page is in Chinese). */
    @SuppressWarnings("unchecked")
    private String keyAreaName(long programmeId, String code) {
        return ((List<Map<String, Object>>) publicly("/api/public/programmes/" + programmeId).get("keyAreas"))
                .stream().filter(area -> code.equals(area.get("code"))).map(area -> (String) area.get("nameZh"))
                .findFirst().orElseThrow();
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#stars-rows tr"));
    }

    private List<Long> rowIds() {
        return rows().stream().map(row -> Long.parseLong(row.getDomAttribute("data-contestant-id"))).toList();
    }

    private WebElement rowOf(long contestantId) {
        return browser.findElement(By.cssSelector("#stars-rows tr[data-contestant-id='" + contestantId + "']"));
    }

    private String text(String selector) {
        return browsers.text(selector);
    }

    private Object script(String code, Object... arguments) {
        return browsers.script(code, arguments);
    }

    private double fontSizeOf(String selector) {
        return Double.parseDouble(browser.findElement(By.cssSelector(selector)).getCssValue("font-size")
                .replace("px", ""));
    }

    private void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        browsers.waitFor(what, timeout, condition);
    }

    /** The API and the page both move (the page a poll behind): wait until they agree. */
    private void waitForApiAndPage(String what, BooleanSupplier agree) {
        browsers.waitFor(what, LOADING, agree);
    }

    private void waitForApi(String what, BooleanSupplier condition) {
        browsers.waitFor(what, LOADING, condition);
    }

    private void screenshot(String name) throws IOException {
        browsers.screenshot(name);
    }
}
