package io.jingsai.api.boards;

import static io.jingsai.api.boards.BoardFixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.Browsers;
import io.jingsai.api.ServerTest;

/**
 * The public dashboard in a real browser (Debian's chromium, headless, driven by its own chromedriver; nothing is
 * downloaded): it shows an event's board from real marks, follows a mark submitted through the API within two
 * seconds without a reload (rank arrows, a highlight), switches to English and remembers it, has a big-screen mode
 * and fits a phone. Screenshots go to {@code target/dashboard-screenshots/}. Skipped only where chromium or
 * chromedriver are not installed ({@link Browsers}).
 */
@ServerTest
class DashboardBrowserTests {

    private static final Duration LIVE = Duration.ofSeconds(2);

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient database;

    private Browsers browsers;
    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browsers = Browsers.chromium("dashboard-screenshots", 1366, 900);
        browser = browsers.driver();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browsers != null) {
            browsers.close();
        }
    }

    @Test
    void theDashboardFollowsMarksLiveInTwoLanguagesOnAProjectorAndOnAPhone() throws IOException {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        BoardFixtures fixtures = new BoardFixtures(web, database);
        List<Long> entries = List.of(fixtures.entry(), fixtures.entry(), fixtures.entry(), fixtures.entry());
        WebTestClient judge = fixtures.judge();
        fixtures.startMarking();
        fixtures.mark(judge, entries.get(0), 70);
        fixtures.mark(judge, entries.get(1), 60);
        fixtures.mark(judge, entries.get(2), 50);
        String board = "/api/public/events/" + fixtures.event + "/board";
        eventually("three entries on the board", () -> ((Number) web.get().uri(board).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("total")).intValue() == 3);
        int first = fixtures.number(entries.get(0));
        int rising = fixtures.number(entries.get(3));

        browser.get("http://localhost:" + port + "/?event=" + fixtures.event);
        waitFor("the board's three rows", Duration.ofSeconds(20), () -> rows().size() == 3);
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(text("h1")).isEqualTo("职工技能竞赛实时榜单");
        assertThat(text("#board-table caption")).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("#board-table thead th[scope=col]"))).hasSize(7);
        assertThat(registrationNumberOfRow(0)).isEqualTo(first);
        assertThat(text("#connection")).isEqualTo("实时连接中");
        waitFor("the score distribution drawn by ECharts", Duration.ofSeconds(20),
                () -> !browser.findElements(By.cssSelector("#chart canvas")).isEmpty()
                        && text("#chart-summary").contains("3 名"));
        script("window.sameDocument = true");

        fixtures.mark(judge, entries.get(3), 95);
        long acknowledged = System.nanoTime();
        waitFor("the new mark at the top of the board", LIVE, () -> registrationNumberOfRow(0) == rising);
        Duration delay = Duration.ofNanos(System.nanoTime() - acknowledged);
        assertThat(delay).as("from the mark's acknowledgement to the browser").isLessThan(LIVE);
        assertThat(script("return window.sameDocument === true")).as("no reload").isEqualTo(true);
        assertThat(rows()).hasSize(4);
        assertThat(rows().get(0).getDomAttribute("class")).contains("changed");
        assertThat(cell(0, "td.movement").getText()).startsWith("★");
        assertThat(cell(1, "td.movement").getText()).startsWith("▼1");
        assertThat(cell(0, "td.total").getText()).isEqualTo("95");
        assertThat(text("#changes")).startsWith("榜单更新");
        waitFor("the distribution of four entries", Duration.ofSeconds(10),
                () -> text("#chart-summary").contains("4 名"));
        screenshot("desktop-zh.png");

        browser.findElement(By.id("language-toggle")).click();
        assertThat(text("h1")).isEqualTo("Skills competition live board");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(text("#board-table thead th")).isEqualTo("Rank");
        assertThat(cell(1, "td.movement").getText()).contains("down 1");
        browser.navigate().refresh();
        waitFor("the board again, in English as chosen", Duration.ofSeconds(20),
                () -> rows().size() == 4 && text("h1").equals("Skills competition live board"));
        waitFor("the English chart summary", Duration.ofSeconds(10),
                () -> text("#chart-summary").startsWith("Scores of 4 entries"));
        screenshot("desktop-en.png");

        browser.manage().window().setSize(new Dimension(1920, 1080));
        browser.findElement(By.id("screen-toggle")).click();
        assertThat(browser.findElement(By.id("screen-toggle")).getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.getCurrentUrl()).contains("screen=big");
        assertThat(fontSizeOf("td.total")).as("large type on the big screen").isGreaterThanOrEqualTo(24);
        screenshot("big-screen.png");

        browser.findElement(By.id("screen-toggle")).click();
        browser.manage().window().setSize(new Dimension(390, 844));
        waitFor("the phone layout", Duration.ofSeconds(5),
                () -> !browser.findElement(By.cssSelector("#board-table td.enterprise")).isDisplayed());
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isEqualTo(true);
        assertThat(script("const box = document.querySelector('.table-scroll'); "
                + "return box.scrollWidth <= box.clientWidth")).as("the board fits without scrolling").isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector("#board-table td.total")).isDisplayed()).isTrue();
        screenshot("phone.png");

        assertThat(browsers.consoleErrors())
                .as("errors in the browser (a blocked script or style under the CSP, a failed request)").isEmpty();
    }

    /**
     * A board frozen through the API: the page says since when (a badge, in Chinese and English) and keeps the board
     * as it was while a mark arrives; released, it shows the mark without a reload and the badge goes.
     */
    @Test
    void aFrozenBoardSaysSoAndShowsTheLaterMarkOnlyOnceReleased() throws IOException {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        WebTestClient admin = io.jingsai.api.TestClients.administrator(web);
        BoardFixtures fixtures = new BoardFixtures(web, database);
        List<Long> entries = List.of(fixtures.entry(), fixtures.entry(), fixtures.entry());
        WebTestClient judge = fixtures.judge();
        fixtures.startMarking();
        fixtures.mark(judge, entries.get(0), 70);
        fixtures.mark(judge, entries.get(1), 60);
        String board = "/api/public/events/" + fixtures.event + "/board";
        eventually("two entries on the board", () -> ((Number) web.get().uri(board).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("total")).intValue() == 2);

        browser.get("http://localhost:" + port + "/?event=" + fixtures.event);
        waitFor("the board's two rows", Duration.ofSeconds(20), () -> rows().size() == 2);
        assertThat(browser.findElement(By.id("frozen")).isDisplayed()).as("no badge while live").isFalse();
        script("window.sameDocument = true");

        String freeze = "/api/events/" + fixtures.event + "/board/freeze";
        String version = admin.post().uri(freeze).exchange().expectStatus().isCreated().returnResult(Void.class)
                .getResponseHeaders().getETag();
        waitFor("the frozen badge", LIVE, () -> browser.findElement(By.id("frozen")).isDisplayed());
        assertThat(text("#frozen")).startsWith("已封榜");
        assertThat(text("#frozen-note")).contains("封榜");
        assertThat(text("#changes")).isEqualTo("榜单已封榜");
        fixtures.mark(judge, entries.get(2), 95);
        eventually("the mark on the live board", () -> ((Number) admin.get().uri("/api/events/{e}/board",
                fixtures.event).exchange().expectBody(Map.class).returnResult().getResponseBody().get("total"))
                .intValue() == 3);
        pause(Duration.ofSeconds(1));
        assertThat(rows()).as("the board as it was at the freeze").hasSize(2);
        browser.findElement(By.id("language-toggle")).click();
        assertThat(text("#frozen")).startsWith("Frozen since");
        screenshot("frozen-en.png");
        browser.findElement(By.id("language-toggle")).click();

        admin.delete().uri(freeze).header("If-Match", version).exchange().expectStatus().isNoContent();
        waitFor("the later mark at the top once released", LIVE,
                () -> registrationNumberOfRow(0) == fixtures.number(entries.get(2)));
        assertThat(browser.findElement(By.id("frozen")).isDisplayed()).isFalse();
        assertThat(text("#changes")).isEqualTo("榜单已解除封榜，恢复实时更新");
        assertThat(script("return window.sameDocument === true")).as("no reload").isEqualTo(true);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#board-rows tr"));
    }

    private WebElement cell(int row, String selector) {
        return rows().get(row).findElement(By.cssSelector(selector));
    }

    private int registrationNumberOfRow(int row) {
        List<WebElement> rows = rows();
        return rows.size() <= row ? -1 : Integer.parseInt(rows.get(row).getDomAttribute("data-registration-number"));
    }

    private String text(String selector) {
        return browsers.text(selector);
    }

    private Object script(String code) {
        return browsers.script(code);
    }

    private double fontSizeOf(String selector) {
        return Double.parseDouble(browser.findElement(By.cssSelector(selector)).getCssValue("font-size")
                .replace("px", ""));
    }

    private void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        browsers.waitFor(what, timeout, condition);
    }

    private void screenshot(String name) throws IOException {
        browsers.screenshot(name);
    }
}
