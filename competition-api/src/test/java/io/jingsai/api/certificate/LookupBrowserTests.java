package io.jingsai.api.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.Browsers;
import io.jingsai.api.ServerTest;
import io.jingsai.api.certificate.ResultFixtures.Entrant;

/**
 * The dashboard's look-up view (查询) in a real browser, on an event with results made through the API: a contestant
 * finds their own result with their registration number and verification code, shown as the REST route answers it
 * (the oracle), provisional while marking and final with its certificate once published; a wrong code says only that
 * nothing matches, a malformed one is refused at the code field, and a throttled address is told how long to wait;
 * a certificate is checked by its number (also typed in small letters, and from the address a QR code would hold),
 * an altered number is refused; the code never reaches the address or localStorage; English, a phone and 200% zoom.
 * Screenshots go to {@code target/lookup-screenshots/}. Skipped only where chromium or chromedriver are missing.
 */
@ServerTest
class LookupBrowserTests {

    private static final Duration ANSWER = Duration.ofSeconds(10);
    /** The only console errors the page may cause: the look-ups the server refused, as the browser logs them. */
    private static final Pattern REFUSED_LOOK_UP = Pattern.compile(
            ".*/api/public/(events/\\d+/results/\\d+\\?code=\\S*|certificates/\\S+) - Failed to load resource: the "
                    + "server responded with a status of (400|404|429).*");

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient database;

    private Browsers browsers;
    private ChromeDriver browser;
    private WebTestClient web;

    @BeforeEach
    void startBrowser() throws IOException {
        browsers = Browsers.chromium("lookup-screenshots", 1366, 900);
        browser = browsers.driver();
        web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browsers != null) {
            browsers.close();
        }
    }

    @Test
    void aContestantFindsTheirResultAndChecksTheirCertificate() throws IOException {
        ResultFixtures fixtures = new ResultFixtures(web, database);
        Map<Entrant, Integer> totals = new LinkedHashMap<>();
        for (int total : List.of(91, 84, 77, 62)) {
            totals.put(fixtures.entrant(false), total);
        }
        fixtures.mark(totals);
        Entrant winner = totals.keySet().iterator().next();
        Entrant second = List.copyOf(totals.keySet()).get(1);

        browser.get("http://localhost:" + port + "/?lookup");
        waitFor("the look-up view with the event to choose", () -> browser.findElement(By.id("lookup-view"))
                .isDisplayed() && !new Select(element("lookup-event")).getOptions().isEmpty());
        assertThat(element("lookup-tab").getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(element("board").isDisplayed()).as("the event view is hidden").isFalse();
        assertThat(element("skip-link").getDomAttribute("href")).isEqualTo("#own-result");
        assertThat(element("skip-link").getDomProperty("textContent")).isEqualTo("跳到查询");
        assertThat(browser.findElements(By.cssSelector("#lookup-view label[for]")))
                .extracting(label -> label.getDomAttribute("for"))
                .containsExactly("lookup-event", "lookup-number", "lookup-code", "certificate-number");

        lookUp(fixtures.event, second.number(), second.code());
        Map<String, Object> marking = ownResult(fixtures.event, second);
        assertShownAsAnswered(marking);
        assertThat(text("#own-result-answer .lookup-step")).startsWith("评分进行中");
        assertThat(fact("own-result-answer", "total")).contains("暂定");
        assertThat(element("own-result-answer").findElements(By.cssSelector("[data-fact=certificateNumber]")))
                .isEmpty();

        lookUp(fixtures.event, second.number(), anotherCode(second.code(), winner.code()));
        waitFor("the not-found message", () -> text("#own-result-message").startsWith("没有与此报名号和查询码相符的成绩"));
        assertThat(element("own-result-answer").isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector(".field-error")).stream().filter(WebElement::isDisplayed))
                .as("the not-found message says nothing of which part is wrong").isEmpty();
        assertThat(text("main")).doesNotContain(second.name(), second.enterprise());

        lookUp(fixtures.event, second.number(), "ABC");
        waitFor("the problem at the code field", () -> element("lookup-code-error").isDisplayed());
        assertThat(text("#lookup-code-error")).startsWith("查询码格式不对");
        assertThat(element("lookup-code").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(element("lookup-number-error").isDisplayed()).isFalse();
        assertThat(text("#own-result-message")).isEmpty();

        type("lookup-number", "12a");
        element("own-result-form").findElement(By.cssSelector("button")).click();
        waitFor("the page's own refusal at the number", () -> element("lookup-number-error").isDisplayed());
        assertThat(text("#lookup-number-error")).isEqualTo("报名号应为数字");
        assertThat(element("lookup-code-error").isDisplayed()).as("the earlier problem is gone").isFalse();

        fixtures.move("REVIEW");
        fixtures.move("PUBLISHED");
        lookUp(fixtures.event, winner.number(), winner.code().toLowerCase(Locale.ROOT));
        Map<String, Object> published = ownResult(fixtures.event, winner);
        assertShownAsAnswered(published);
        assertThat(text("#own-result-answer .lookup-step")).isEqualTo("成绩已发布，为最终结果。");
        String number = (String) published.get("certificateNumber");
        assertThat(number).isNotBlank();
        screenshot("own-result-zh.png");
        measureLookUps();

        element("own-certificate").click();
        waitFor("the certificate checked", () -> element("certificate-answer").isDisplayed());
        assertThat(element("certificate-number").getDomProperty("value")).isEqualTo(number);
        assertShownAsCertified(certificate(number));
        assertThat(browser.getCurrentUrl()).contains("certificate=" + number);
        assertCodeKeptSecret(second, winner);

        browser.get("http://localhost:" + port + "/?certificate=" + number.toLowerCase(Locale.ROOT));
        waitFor("the certificate typed in small letters, from the address", () -> element("certificate-answer")
                .isDisplayed());
        assertShownAsCertified(certificate(number));
        assertThat(text("#certificate-answer h3")).isEqualTo("证书有效");

        String altered = alter(number);
        type("certificate-number", altered);
        element("certificate-form").findElement(By.cssSelector("button")).click();
        waitFor("the altered number refused", () -> text("#certificate-message").startsWith("这不是有效的证书编号"));
        assertThat(element("certificate-answer").isDisplayed()).isFalse();
        assertThat(browser.getCurrentUrl()).contains("certificate=" + altered);

        type("certificate-number", number);
        element("certificate-form").findElement(By.cssSelector("button")).click();
        waitFor("the certificate again", () -> element("certificate-answer").isDisplayed());
        element("language-toggle").click();
        assertThat(text("#own-result-heading")).isEqualTo("Your result");
        assertThat(text("#certificate-answer h3")).isEqualTo("Valid certificate");
        assertThat(text("label[for=lookup-code]")).isEqualTo("Verification code");
        assertThat(fact("certificate-answer", "award")).isEqualTo(certificate(number).get("award"));
        screenshot("lookup-en.png");
        element("language-toggle").click();

        browser.manage().window().setSize(new Dimension(390, 844));
        waitFor("the phone layout", () -> (Boolean) browsers.script(
                "return document.documentElement.scrollWidth <= window.innerWidth"));
        assertThat(lowestTouchTarget()).as("touch targets on a phone, in CSS px").isGreaterThanOrEqualTo(44);
        screenshot("lookup-phone.png");
        browser.manage().window().setSize(new Dimension(1280, 900));
        // 200% zoom: the same window holds half as many CSS pixels, each drawn twice as large.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 640, "height", 450, "deviceScaleFactor", 2, "mobile", false));
        waitFor("nothing wider than the window at 200%", () -> (Boolean) browsers.script(
                "return document.documentElement.scrollWidth <= window.innerWidth"));
        assertThat(lowestTouchTarget()).isGreaterThanOrEqualTo(44);
        screenshot("lookup-zoom-200.png");
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());

        assertThat(browsers.consoleErrors()).as("console errors other than the refused look-ups")
                .allMatch(error -> REFUSED_LOOK_UP.matcher(error).matches());
    }

    /**
     * An address past the free failed look-ups of an event is told how long to wait, in seconds from the answer's
     * Retry-After, however right the code it tries next.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aThrottledAddressIsToldHowLongToWait() {
        ResultFixtures fixtures = new ResultFixtures(web, database);
        Entrant entrant = fixtures.entrant(false);
        Entrant other = fixtures.entrant(false);
        fixtures.mark(Map.of(entrant, 70, other, 60));

        browser.get("http://localhost:" + port + "/?lookup");
        waitFor("the look-up view", () -> !new Select(element("lookup-event")).getOptions().isEmpty());
        String wrong = anotherCode(entrant.code(), other.code());
        // The free failures and the one that locks, asked from the page's own address as the form asks.
        Object statuses = browser.executeAsyncScript("""
                const [event, number, code, failures, done] = arguments;
                (async () => {
                  const asked = [];
                  for (let i = 0; i < failures; i++) {
                    asked.push((await fetch(`/api/public/events/${event}/results/${number}?code=${code}`)).status);
                  }
                  done(asked);
                })();""", fixtures.event, entrant.number(), wrong, OwnResultService.FREE_FAILURES + 1);
        assertThat((List<Object>) statuses).as("the free failures and the one that locks").containsOnly(404L);

        lookUp(fixtures.event, entrant.number(), entrant.code());
        waitFor("the wait", () -> text("#own-result-message").startsWith("查询失败次数过多"));
        Matcher wait = Pattern.compile("查询失败次数过多，请 (\\d+) 秒后再试。").matcher(text("#own-result-message"));
        assertThat(wait.matches()).as(text("#own-result-message")).isTrue();
        // The first lock is 60 s in the tests' configuration; Retry-After counts down from it.
        assertThat(Integer.parseInt(wait.group(1))).isBetween(1, 60);
        assertThat(element("own-result-answer").isDisplayed()).isFalse();
    }

    /**
     * A tier member's certificate (kind TIER) of a closed programme: the page says which tier in words, the rank, the
     * star's trade and region, as the public check answers them.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aTierCertificateSaysWhichTierAndPlace() {
        ResultFixtures fixtures = new ResultFixtures(web, database);
        Map<Entrant, Integer> totals = new LinkedHashMap<>();
        // Five results: the fewest from which an event standardises, so its entrants reach the star board.
        for (int total : List.of(93, 81, 75, 66, 58)) {
            totals.put(fixtures.entrant(false), total);
        }
        fixtures.mark(totals);
        fixtures.move("REVIEW");
        fixtures.move("PUBLISHED");
        long programme = ((Number) fixtures.get("/api/events/{e}", fixtures.event).get("programmeId")).longValue();
        close(fixtures, programme);
        List<Map<String, Object>> issued = (List<Map<String, Object>>) fixtures.get(
                "/api/programmes/{p}/certificates", programme).get("items");
        String number = issued.stream().filter(certificate -> "STARS".equals(certificate.get("tier")))
                .map(certificate -> (String) certificate.get("number")).findFirst().orElseThrow();
        Map<String, Object> answer = certificate(number);

        browser.get("http://localhost:" + port + "/?certificate=" + number);
        waitFor("the tier certificate", () -> element("certificate-answer").isDisplayed());
        assertThat(answer).containsEntry("kind", "TIER").containsEntry("tier", "STARS");
        assertThat(element("certificate-answer").findElement(By.tagName("dl")).getDomAttribute("data-kind"))
                .isEqualTo("TIER");
        assertThat(fact("certificate-answer", "certificateNumber")).isEqualTo(number);
        assertThat(fact("certificate-answer", "holder")).isEqualTo(answer.get("holderName"));
        assertThat(fact("certificate-answer", "enterprise")).isEqualTo(answer.get("enterpriseName"));
        assertThat(fact("certificate-answer", "tierCertified")).isEqualTo("竞赛标兵");
        assertThat(fact("certificate-answer", "rank")).isEqualTo(String.valueOf(answer.get("rank")));
        assertThat(fact("certificate-answer", "trade")).isEqualTo(answer.get("tradeName"));
        assertThat(fact("certificate-answer", "region")).isEqualTo(answer.get("regionCode"));
        assertThat(element("certificate-answer").findElements(By.cssSelector("[data-fact=event], [data-fact=award]")))
                .as("nothing of an award certificate").isEmpty();
        element("language-toggle").click();
        assertThat(fact("certificate-answer", "tierCertified")).isEqualTo("Competition stars");
    }

    /** Closes the programme (its events published), which issues its tier members' certificates. */
    @SuppressWarnings("unchecked")
    private void close(ResultFixtures fixtures, long programme) {
        Map<String, Object> shown = fixtures.get("/api/programmes/{p}", programme);
        Map<String, Object> body = new LinkedHashMap<>(shown);
        List.of("id", "version", "createdAt", "updatedAt").forEach(body::remove);
        body.put("status", "CLOSED");
        fixtures.admin.put().uri("/api/programmes/{p}", programme)
                .header("If-Match", "\"" + shown.get("version") + "\"").bodyValue(body).exchange()
                .expectStatus().isOk();
    }

    /**
     * Prints how long the page takes from the button to the answer drawn, against the same request's own duration in
     * the browser's resource timing (median of 7, the form filled as it is).
     */
    @SuppressWarnings("unchecked")
    private void measureLookUps() {
        List<Double> shown = new ArrayList<>();
        List<Double> requested = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            List<Number> times = (List<Number>) browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const answer = document.getElementById('own-result-answer');
                    answer.hidden = true;
                    answer.replaceChildren();
                    performance.clearResourceTimings();
                    const start = performance.now();
                    const observer = new MutationObserver(() => {
                      if (!answer.hidden && answer.querySelector('h3')) {
                        observer.disconnect();
                        const drawn = performance.now() - start;
                        const request = performance.getEntriesByType('resource')
                          .filter(entry => entry.name.includes('/results/')).pop();
                        done([drawn, request ? request.duration : -1]);
                      }
                    });
                    observer.observe(answer, { childList: true, attributes: true, subtree: true });
                    document.querySelector('#own-result-form button').click();""");
            shown.add(times.get(0).doubleValue());
            requested.add(times.get(1).doubleValue());
        }
        System.out.printf("Own result in the page, median of 7: %.1f ms from the button to the answer drawn; "
                + "the request itself %.1f ms (resource timing, same look-ups)%n", median(shown), median(requested));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Fills the own-result form and sends it, waiting until the page has an outcome for this very request. */
    private void lookUp(long event, int number, String code) {
        new Select(element("lookup-event")).selectByValue(String.valueOf(event));
        type("lookup-number", String.valueOf(number));
        type("lookup-code", code);
        browsers.script("document.getElementById('own-result-message').textContent = 'sent';");
        element("own-result-form").findElement(By.cssSelector("button")).click();
        waitFor("an answer", () -> !text("#own-result-message").equals("sent")
                && !text("#own-result-message").equals("正在查询…"));
    }

    /** The own result on the page equals the REST answer: name, enterprise, event, trade, total, rank, award. */
    @SuppressWarnings("unchecked")
    private void assertShownAsAnswered(Map<String, Object> answer) {
        waitFor("the result", () -> element("own-result-answer").isDisplayed()
                && text("#own-result-answer h3").equals(answer.get("entrant")));
        Map<String, Object> result = (Map<String, Object>) answer.get("result");
        assertThat(fact("own-result-answer", "enterprise")).isEqualTo(answer.get("enterprise"));
        assertThat(fact("own-result-answer", "event")).isEqualTo(answer.get("eventName"));
        assertThat(fact("own-result-answer", "trade")).isEqualTo(answer.get("tradeName"));
        assertThat(fact("own-result-answer", "registrationNumberLabel"))
                .isEqualTo(String.valueOf(answer.get("registrationNumber")));
        assertThat(fact("own-result-answer", "total")).startsWith(new BigDecimal(result.get("total").toString())
                .stripTrailingZeros().toPlainString());
        assertThat(fact("own-result-answer", "rank")).isEqualTo(String.valueOf(result.get("rank")));
        if (result.get("award") != null) {
            assertThat(fact("own-result-answer", "award")).isEqualTo(result.get("award"));
        }
        List<String> titles = (List<String>) result.get("titles");
        if (!titles.isEmpty()) {
            assertThat(fact("own-result-answer", "titles")).isEqualTo(String.join("、", titles));
        }
        if (answer.get("certificateNumber") != null) {
            assertThat(fact("own-result-answer", "certificateNumber")).isEqualTo(answer.get("certificateNumber"));
        }
    }

    /** The certificate on the page equals the public check's answer. */
    @SuppressWarnings("unchecked")
    private void assertShownAsCertified(Map<String, Object> answer) {
        waitFor("the certificate's number", () -> fact("certificate-answer", "certificateNumber")
                .equals(answer.get("number")));
        assertThat(answer).containsEntry("kind", "AWARD");
        assertThat(element("certificate-answer").findElement(By.tagName("dl")).getDomAttribute("data-kind"))
                .isEqualTo("AWARD");
        assertThat(fact("certificate-answer", "holder")).isEqualTo(answer.get("holderName"));
        assertThat(fact("certificate-answer", "enterprise")).isEqualTo(answer.get("enterpriseName"));
        assertThat(fact("certificate-answer", "programme")).startsWith((String) answer.get("programmeName"))
                .contains(String.valueOf(answer.get("programmeYear")));
        assertThat(fact("certificate-answer", "event")).isEqualTo(answer.get("eventName"));
        assertThat(fact("certificate-answer", "trade")).isEqualTo(answer.get("tradeName"));
        assertThat(fact("certificate-answer", "award")).isEqualTo(answer.get("award"));
        assertThat(fact("certificate-answer", "titles"))
                .isEqualTo(String.join("、", (List<String>) answer.get("titles")));
    }

    /** No code typed on this page is in its address, its history entry or the browser's localStorage. */
    private void assertCodeKeptSecret(Entrant... entrants) {
        String stored = (String) browsers.script("return JSON.stringify(Object.assign({}, localStorage));");
        for (Entrant entrant : entrants) {
            for (String form : List.of(entrant.code(), entrant.code().toLowerCase(Locale.ROOT))) {
                assertThat(browser.getCurrentUrl()).doesNotContain(form);
                assertThat(stored).doesNotContain(form);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ownResult(long event, Entrant entrant) {
        return web.get().uri(builder -> builder.path("/api/public/events/{e}/results/{n}")
                        .queryParam("code", "{c}").build(event, entrant.number(), entrant.code()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> certificate(String number) {
        return web.get().uri("/api/public/certificates/{n}", number).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The number with its last character changed to another of the alphabet (never one read leniently as it). */
    private static String alter(String number) {
        char last = number.charAt(number.length() - 1);
        return number.substring(0, number.length() - 1) + (last == '7' ? '8' : '7');
    }

    /** A well-formed code that is none of these. */
    private static String anotherCode(String... codes) {
        for (int i = 0; ; i++) {
            String code = String.format("%08d", i);
            if (!List.of(codes).contains(code)) {
                return code;
            }
        }
    }

    /** The smallest height of the look-up view's inputs, choices and buttons, in CSS pixels. */
    private double lowestTouchTarget() {
        return ((Number) browsers.script("return Math.min(...[...document.querySelectorAll("
                + "'#lookup-view input, #lookup-view select, #lookup-view button')]"
                + ".map(element => element.getBoundingClientRect().height));")).doubleValue();
    }

    /** What the answer in {@code section} says for the fact {@code key}. */
    private String fact(String section, String key) {
        return text("#" + section + " [data-fact=" + key + "] dd");
    }

    private void type(String id, String text) {
        WebElement input = element(id);
        input.clear();
        input.sendKeys(text);
    }

    private WebElement element(String id) {
        return browser.findElement(By.id(id));
    }

    private String text(String selector) {
        return browsers.text(selector);
    }

    private void waitFor(String what, BooleanSupplier condition) {
        browsers.waitFor(what, ANSWER, condition);
    }

    private void screenshot(String name) throws IOException {
        browsers.screenshot(name);
    }
}
