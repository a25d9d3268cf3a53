package io.jingsai.api.judging;

import static io.jingsai.api.judging.MarkingFixtures.penalize;
import static io.jingsai.api.judging.MarkingFixtures.sheet;
import static io.jingsai.api.judging.MarkingFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.Browsers;
import io.jingsai.api.ServerTest;

/**
 * Issue #18: the judges' page and the chief judge's desk in a real browser (Debian's chromium, headless, driven by
 * its own chromedriver; nothing is downloaded). A judge signs in with a one-time password and changes it, marks two
 * entries by station (a recused one is never listed), loses the answer to a submission and retries it (the server
 * holds the sheet once), gets an aspect back for re-marking and clears it; the chief judge watches the desk, sees
 * the review queue and the deductions waiting for approval (approves one, rejects the other with the reason asked
 * for: the result counts the approved one only), the entries that block closing marking, closes it and corrects a
 * sheet with a reason.
 * Screenshots of both pages at tablet (1024×768) and phone (390×844) sizes go to {@code target/judge-screenshots/}.
 * Skipped only where chromium or chromedriver are not installed ({@link Browsers}).
 */
@ServerTest
class JudgePageBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * Lets the first score-sheet POST reach the server and be answered, then loses the answer: the page sees what it
     * sees when the hall's Wi-Fi drops while the server is answering.
     */
    private static final String LOSE_THE_FIRST_ANSWER = """
            const real = window.fetch;
            window.answersLost = 0;
            window.fetch = async (input, init) => {
              const answer = await real(input, init);
              if (window.answersLost === 0 && init && init.method === 'POST' && String(input).endsWith('/score-sheets')) {
                window.answersLost++;
                throw new TypeError('Failed to fetch');
              }
              return answer;
            };""";

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient database;

    private Browsers browsers;
    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browsers = Browsers.chromium("judge-screenshots", 1024, 768);
        browser = browsers.driver();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browsers != null) {
            browsers.close();
        }
    }

    @Test
    void aJudgeMarksOnATabletThroughALostAnswerAndTheChiefJudgeClosesMarkingFromTheDesk() throws IOException {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        MarkingFixtures fixtures = new MarkingFixtures(web, database);
        WebTestClient admin = fixtures.admin();
        long event = fixtures.event(MarkingFixtures.SCHEME);
        long ownEnterprise = fixtures.registry().enterprise();
        long first = entry(fixtures, fixtures.registry().enterprise(), "A-01");
        long second = entry(fixtures, fixtures.registry().enterprise(), "A-02");
        long recused = entry(fixtures, ownEnterprise, "A-03");
        long judgeA = fixtures.judge(ownEnterprise);
        Map<String, String> judgeAccount = onPanelWithOneTimePassword(admin, event, judgeA, "JUDGE");
        List<MarkingFixtures.Judge> others = fixtures.judges(3);
        long chief = fixtures.judge(null);
        Map<String, String> chiefAccount = onPanelWithOneTimePassword(admin, event, chief, "CHIEF_JUDGE");
        fixtures.startMarking();

        // The judge signs in with the one-time password and changes it; their only event opens.
        signInChangingThePassword(judgeAccount.get("username"), judgeAccount.get("initialPassword"), "judge-a-" + UUID.randomUUID());
        waitFor("the worklist", () -> entryButtons().size() == 2);
        assertThat(text("#context-event")).contains("评分中");
        assertThat(entryButtons()).extracting(button -> button.getDomAttribute("data-registration-id"))
                .as("the entry of the judge's own enterprise never appears")
                .containsExactly(String.valueOf(first), String.valueOf(second))
                .doesNotContain(String.valueOf(recused));
        assertThat(text("#counts")).contains("共 2 份");

        // A value outside the scheme is refused next to its field, and nothing is sent.
        openEntry(first);
        assertThat(text("#context-entry")).contains("A-01");
        type("M1", "60");
        choose("M2", "10");
        choose("J1", "3");
        assertThat(saveState()).isEqualTo("draft");
        click("#submit-sheet");
        waitFor("the range named at M1", () -> text("fieldset[data-aspect=M1] .field-error").contains("0 至 50"));
        assertThat(sheetOf(web, event, first, judgeA)).as("nothing was sent").isNull();
        type("M1", "45.5");
        screenshot("judge-tablet-draft.png");

        // The answer to the submission is lost: the page says so, keeps the draft and its key across a reload, and
        // the retry is answered from the server's first answer.
        script(LOSE_THE_FIRST_ANSWER);
        click("#submit-sheet");
        waitFor("the submission in doubt", () -> "inDoubt".equals(saveState()));
        assertThat(script("return window.answersLost")).isEqualTo(1L);
        assertThat(sheetOf(web, event, first, judgeA)).as("the server holds the sheet").isNotNull();
        assertThat(browser.findElement(By.id("retry-sheet")).isDisplayed()).isTrue();
        browser.navigate().refresh();
        waitFor("the worklist again", () -> entryButtons().size() == 2);
        assertThat(entryButton(first).getText()).contains("提交未确认");
        openEntry(first);
        assertThat(saveState()).isEqualTo("inDoubt");
        assertThat(browser.findElement(By.cssSelector("fieldset[data-aspect=M1] input")).isEnabled())
                .as("a sheet in doubt is not edited before it is settled").isFalse();
        click("#retry-sheet");
        waitFor("the retry confirmed", () -> "replayed".equals(saveState()));
        assertThat(text("#save-status")).contains("未重复记录");
        Map<String, Object> held = sheetOf(web, event, first, judgeA);
        assertThat(((Number) held.get("version")).longValue()).as("one write: the first version").isZero();
        assertThat(held.get("marks").toString()).contains("45.5");
        waitFor("marked in the worklist", () -> "MARKED".equals(entryButton(first).getDomAttribute("data-progress")));

        openEntry(second);
        type("M1", "40");
        choose("M2", "0");
        choose("J1", "2");
        click("#submit-sheet");
        waitFor("the second sheet saved", () -> "saved".equals(saveState()));
        assertThat(text("#counts")).contains("已评 2");
        screenshot("judge-tablet.png");
        browser.manage().window().setSize(new Dimension(390, 844));
        waitFor("one column", () -> browser.findElement(By.id("sheet")).getLocation().getX() < 40);
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isEqualTo(true);
        screenshot("judge-phone.png");
        browser.manage().window().setSize(new Dimension(1024, 768));

        // The other judges mark; on the first entry they are far from this judge's 3 on J1.
        for (MarkingFixtures.Judge other : others) {
            submit(other.client(), event, first, UUID.randomUUID().toString(), sheet("M1", 45, "M2", 10, "J1", 0))
                    .expectStatus().isCreated();
            submit(other.client(), event, second, UUID.randomUUID().toString(), sheet("M1", 40, "M2", 0, "J1", 2))
                    .expectStatus().isCreated();
        }
        for (MarkingFixtures.Judge other : others.subList(0, 2)) {
            submit(other.client(), event, recused, UUID.randomUUID().toString(), sheet("M1", 30, "M2", 10, "J1", 1))
                    .expectStatus().isCreated();
        }
        click("#refresh");
        waitFor("the first entry back for re-marking",
                () -> "TO_REVIEW".equals(entryButton(first).getDomAttribute("data-progress")));
        assertThat(entryButton(first).getText()).contains("需重评");
        openEntry(first);
        assertThat(text("fieldset[data-aspect=J1] .review-badge")).contains("需重评");
        choose("J1", "1");
        click("#submit-sheet");
        waitFor("the re-mark saved", () -> "saved".equals(saveState()));
        waitFor("the re-mark clears it", () -> "MARKED".equals(entryButton(first).getDomAttribute("data-progress")));
        assertThat(resultStatus(admin, event, first)).isEqualTo("COMPLETE");

        // The chief judge: the desk, live.
        click("#sign-out");
        waitFor("signed out", () -> browser.findElement(By.id("sign-in-view")).isDisplayed());
        signInChangingThePassword(chiefAccount.get("username"), chiefAccount.get("initialPassword"),
                "chief-" + UUID.randomUUID());
        click("#desk-tab");
        waitFor("the desk", () -> text("#progress-total").contains("3 名选手"));
        assertThat(text("#judge-progress")).contains("裁判");
        assertThat(browser.findElement(By.id("review-empty")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("penalties-empty")).isDisplayed()).isTrue();

        // Two judges record deductions on the first entry (through the API): the desk lists them, polled, and the
        // entry's result holds the module out while they wait.
        BigDecimal whole = total(admin, event, first);
        MarkingFixtures.Judge careful = others.get(1);
        MarkingFixtures.Judge strict = others.get(2);
        long toApprove = penalty(careful, event, first, Map.of("kind", "DEDUCTION", "aspectId", "D1",
                "reason", "带电作业未戴绝缘手套"));
        long toReject = penalty(strict, event, first, Map.of("kind", "DEDUCTION", "aspectId", "D1", "points", 3,
                "reason", "工具随意放置"));
        waitFor("the two deductions on the desk", () -> browser.findElements(By.cssSelector("#penalty-list li"))
                .size() == 2);
        assertThat(text("#penalties-count")).contains("2 项待批准");
        assertThat(text(pending(toApprove))).contains("工位 A-01", "扣分 5 分", "D1", "带电作业未戴绝缘手套",
                judgeName(admin, careful.id()));
        assertThat(text(pending(toReject))).contains("扣分 3 分", "工具随意放置", judgeName(admin, strict.id()));
        assertThat(browser.findElement(By.cssSelector(pending(toApprove) + " button.approve")).getSize().getHeight())
                .as("a large touch target").isGreaterThanOrEqualTo(48);
        assertThat(resultStatus(admin, event, first)).isEqualTo("INCOMPLETE");
        assertThat(total(admin, event, first)).as("pending: the module held out")
                .isEqualByComparingTo(whole.subtract(DEDUCTION_MODULE));

        MarkingFixtures.Judge disagreeing = others.get(0);
        MarkingFixtures.replace(disagreeing.client(), event, second, disagreeing.id(), "\"0\"",
                UUID.randomUUID().toString(), sheet("M1", 40, "M2", 0, "J1", 0)).expectStatus().isOk();
        waitFor("the review queue, polled", () -> browser.findElement(By.id("review-table")).isDisplayed());
        assertThat(text("#review-table")).contains("A-02 · 报名号", "J1", "0", "2");
        assertThat(browser.findElements(By.cssSelector("#review-table thead th"))).as("entry and four judges")
                .hasSize(5);
        screenshot("desk-tablet.png");
        screenshotAt("#penalties", "desk-pending-tablet.png");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isEqualTo(true);
        screenshot("desk-phone.png");
        screenshotAt("#penalties", "desk-pending-phone.png");
        browser.manage().window().setSize(new Dimension(1024, 768));

        // The chief judge rejects one (the reason the server asks for is named at the item) and approves the other
        // from the keyboard; the result counts the approved deduction only.
        click(pending(toReject) + " button.reject");
        waitFor("the reason asked for at the item", () -> browser.findElement(By.cssSelector(pending(toReject)
                + " .field-error")).isDisplayed());
        assertThat(browser.findElement(By.cssSelector(pending(toReject) + " input.penalty-reason"))
                .getDomAttribute("aria-invalid")).isEqualTo("true");
        screenshotAt(pending(toApprove), "desk-pending-refused-tablet.png");
        browser.findElement(By.cssSelector(pending(toReject) + " input.penalty-reason")).sendKeys("录像显示工具已归位");
        click(pending(toReject) + " button.reject");
        waitFor("rejected", () -> text("#penalties-result").contains("已驳回"));
        browser.findElement(By.cssSelector(pending(toApprove) + " button.approve")).sendKeys(Keys.ENTER);
        waitFor("approved", () -> text("#penalties-result").contains("已批准"));
        waitFor("nothing left to approve", () -> browser.findElement(By.id("penalties-empty")).isDisplayed());
        assertThat(penaltyOf(admin, event, toApprove)).containsEntry("status", "APPROVED");
        assertThat(penaltyOf(admin, event, toReject)).containsEntry("status", "REJECTED")
                .containsEntry("decisionReason", "录像显示工具已归位");
        assertThat(resultStatus(admin, event, first)).isEqualTo("COMPLETE");
        assertThat(total(admin, event, first)).as("the module less the approved deduction only")
                .isEqualByComparingTo(whole.subtract(DEDUCTION_MODULE).add(module(List.of(BigDecimal.valueOf(5)))));

        // Closing marking is refused while entries are outstanding, each listed; then it closes.
        click("#close-marking");
        click("#confirm-close");
        waitFor("the blocking list", () -> !browser.findElements(By.cssSelector("#blocking-list li")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#blocking-list li")))
                .extracting(item -> item.getDomAttribute("data-field"))
                .contains("registration/" + second, "registration/" + recused);
        MarkingFixtures.replace(disagreeing.client(), event, second, disagreeing.id(), "\"1\"",
                UUID.randomUUID().toString(), sheet("M1", 40, "M2", 0, "J1", 2)).expectStatus().isOk();
        submit(others.get(2).client(), event, recused, UUID.randomUUID().toString(),
                sheet("M1", 30, "M2", 10, "J1", 1)).expectStatus().isCreated();
        waitFor("the review queue cleared", () -> browser.findElement(By.id("review-empty")).isDisplayed());
        click("#close-marking");
        click("#confirm-close");
        waitFor("marking closed", () -> text("#close-result").contains("评分已结束"));
        assertThat(eventStatus(admin, event)).isEqualTo("REVIEW");
        assertThat(text("#context-event")).contains("公示中");

        // A correction during public review, with its reason.
        waitFor("the correction form", () -> browser.findElement(By.id("correction-form")).isDisplayed()
                && browser.findElements(By.cssSelector("#correction-entry option")).size() == 3);
        select("#correction-entry", String.valueOf(first));
        select("#correction-judge", String.valueOf(disagreeing.id()));
        click("#load-sheet");
        waitFor("the sheet loaded", () -> browser.findElement(By.id("correction-more")).isDisplayed());
        WebElement m1 = browser.findElement(By.cssSelector("#correction-aspects fieldset[data-aspect=M1] input"));
        m1.sendKeys(Keys.chord(Keys.CONTROL, "a"), "44");
        click("#submit-correction");
        waitFor("the reason asked for", () -> browser.findElement(By.id("correction-reason-error")).isDisplayed());
        browser.findElement(By.id("correction-reason")).sendKeys("申诉成立：测量值复核");
        click("#submit-correction");
        waitFor("corrected", () -> text("#correction-result").contains("已更正"));
        Map<String, Object> corrected = sheetOf(web, event, first, disagreeing.id());
        assertThat(((Number) corrected.get("version")).longValue()).isEqualTo(1);
        assertThat(corrected.get("marks").toString()).contains("value=44");

        // The judge's view once marking has closed: read-only, saying why.
        click("#marking-tab");
        waitFor("the closed banner", () -> browser.findElement(By.id("closed-banner")).isDisplayed());
        assertThat(text("#closed-banner")).contains("评分已结束", "公示中");
        screenshot("judge-closed-tablet.png");

        List<String> problems = browsers.consoleErrors().stream()
                // The refusals the test provokes are logged by the browser as failed loads; nothing else may be.
                .filter(message -> !message.contains("/transition - Failed to load resource: the server "
                        + "responded with a status of 409")
                        && !message.contains("/score-sheets/" + disagreeing.id() + " - Failed to load resource: "
                        + "the server responded with a status of 400")
                        && !message.contains("/penalties/" + toReject + "/decision - Failed to load resource: "
                        + "the server responded with a status of 400"))
                .toList();
        assertThat(problems).as("errors in the browser (a blocked script or style under the CSP, a failed request)")
                .isEmpty();
    }

    /**
     * Blind marking on the page: the judge's worklist and the sheet name stations only, never "undefined" or a
     * registration number; once marking has closed, the chief judge reveals identities from the desk (confirmed once)
     * and the desk then names entries with their registration numbers.
     */
    @Test
    void aBlindEventShowsStationsOnlyUntilTheChiefJudgeRevealsIdentitiesFromTheDesk() throws IOException {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        MarkingFixtures fixtures = new MarkingFixtures(web, database);
        WebTestClient admin = fixtures.admin();
        long event = fixtures.event(MarkingFixtures.SCHEME);
        fixtures.blind(true, 200);
        long first = entry(fixtures, fixtures.registry().enterprise(), "C-01");
        long second = entry(fixtures, fixtures.registry().enterprise(), "C-02");
        long judge = fixtures.judge(null);
        Map<String, String> judgeAccount = onPanelWithOneTimePassword(admin, event, judge, "JUDGE");
        List<MarkingFixtures.Judge> others = fixtures.judges(3);
        long chief = fixtures.judge(null);
        Map<String, String> chiefAccount = onPanelWithOneTimePassword(admin, event, chief, "CHIEF_JUDGE");
        fixtures.startMarking();

        signInChangingThePassword(judgeAccount.get("username"), judgeAccount.get("initialPassword"),
                "blind-" + UUID.randomUUID());
        waitFor("the worklist", () -> entryButtons().size() == 2);
        assertThat(entryButtons()).extracting(button -> button.findElement(By.cssSelector(".entry-label")).getText())
                .containsExactly("工位 C-01", "工位 C-02");
        openEntry(first);
        assertThat(text("#context-entry")).contains("C-01").doesNotContain("undefined", "null", "报名号");
        assertThat(text("#entries")).doesNotContain("undefined", "null", "报名号");

        for (MarkingFixtures.Judge other : others) {
            for (long entry : List.of(first, second)) {
                submit(other.client(), event, entry, UUID.randomUUID().toString(), sheet("M1", 45, "M2", 10, "J1", 2))
                        .expectStatus().isCreated();
            }
        }
        fixtures.move("REVIEW");

        click("#sign-out");
        waitFor("signed out", () -> browser.findElement(By.id("sign-in-view")).isDisplayed());
        signInChangingThePassword(chiefAccount.get("username"), chiefAccount.get("initialPassword"),
                "blind-chief-" + UUID.randomUUID());
        click("#desk-tab");
        waitFor("the reveal button", () -> browser.findElement(By.id("reveal-identities")).isDisplayed());
        assertThat(text("#reveal-hint")).contains("盲评");
        waitFor("the entries to correct, by station only", () -> browser.findElements(
                By.cssSelector("#correction-entry option")).size() == 2);
        assertThat(text("#correction-entry")).contains("工位 C-01").doesNotContain("报名号", "undefined", "null");
        screenshot("desk-reveal-tablet.png");
        click("#reveal-identities");
        click("#confirm-reveal");
        waitFor("revealed", () -> text("#reveal-hint").contains("身份已于"));
        waitFor("the button gone", () -> !browser.findElement(By.id("reveal-identities")).isDisplayed());
        Map<?, ?> revealed = admin.get().uri("/api/events/{e}", event).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(revealed.get("identitiesRevealedBy")).isEqualTo(chiefAccount.get("username"));
        assertThat(text("#reveal-hint")).contains(chiefAccount.get("username"));
        waitFor("the entries named again", () -> text("#correction-entry").contains("报名号"));

        assertThat(browsers.consoleErrors()).as("errors in the browser").isEmpty();
    }

    // ---- fixtures through the API ----

    /** The scheme's deduction module D1: 10 points (MarkingFixtures.SCHEME), 5 per violation. */
    private static final BigDecimal DEDUCTION_MODULE = BigDecimal.TEN;

    /** The reference: a module keeps its points less every approved deduction, never below zero. */
    private static BigDecimal module(List<BigDecimal> approved) {
        BigDecimal left = approved.stream().reduce(DEDUCTION_MODULE, BigDecimal::subtract);
        return left.signum() < 0 ? BigDecimal.ZERO : left;
    }

    private static long penalty(MarkingFixtures.Judge judge, long event, long entry, Map<String, Object> body) {
        Map<?, ?> recorded = penalize(judge.client(), event, entry, UUID.randomUUID().toString(), body)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) recorded.get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> penaltyOf(WebTestClient admin, long event, long penalty) {
        return admin.get().uri("/api/events/{e}/penalties/{p}", event, penalty).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String judgeName(WebTestClient admin, long judge) {
        return (String) admin.get().uri("/api/judges/{j}", judge).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("name");
    }

    private static BigDecimal total(WebTestClient admin, long event, long entry) {
        return new BigDecimal(admin.get().uri("/api/events/{e}/registrations/{r}/result", event, entry).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("total")
                .toString());
    }

    private static long entry(MarkingFixtures fixtures, long enterprise, String station) {
        return fixtures.registry().create("/api/events/" + fixtures.event + "/registrations",
                Map.of("contestantId", fixtures.registry().contestant(enterprise, fixtures.trade),
                        "stationNumber", station));
    }

    /** Puts the judge on the panel in {@code role} with an account: its user name and one-time password. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> onPanelWithOneTimePassword(WebTestClient admin, long event, long judge,
                                                                  String role) {
        admin.post().uri("/api/events/{e}/panel", event).bodyValue(Map.of("judgeId", judge, "role", role))
                .exchange().expectStatus().isCreated();
        Map<String, Object> made = admin.post().uri("/api/accounts/judges")
                .bodyValue(Map.of("eventId", event, "role", role, "judgeIds", List.of(judge)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> item = ((List<Map<String, Object>>) made.get("items")).get(0);
        return Map.of("username", (String) ((Map<String, Object>) item.get("account")).get("username"),
                "initialPassword", (String) item.get("initialPassword"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sheetOf(WebTestClient web, long event, long entry, long judge) {
        WebTestClient admin = io.jingsai.api.TestClients.administrator(web);
        var answer = admin.get().uri("/api/events/{e}/registrations/{r}/score-sheets/{j}", event, entry, judge)
                .exchange().expectBody(Map.class).returnResult();
        return answer.getStatus().value() == 200 ? answer.getResponseBody() : null;
    }

    @SuppressWarnings("unchecked")
    private static String resultStatus(WebTestClient admin, long event, long entry) {
        return (String) admin.get().uri("/api/events/{e}/registrations/{r}/result", event, entry).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("status");
    }

    @SuppressWarnings("unchecked")
    private static String eventStatus(WebTestClient admin, long event) {
        return (String) admin.get().uri("/api/events/{e}", event).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("status");
    }

    // ---- the page ----

    private void signInChangingThePassword(String username, String oneTimePassword, String chosen) {
        browser.get("http://localhost:" + port + "/judge");
        waitFor("the sign-in form", () -> browser.findElement(By.id("sign-in-view")).isDisplayed());
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(oneTimePassword);
        click("#sign-in-button");
        waitFor("the password change", () -> browser.findElement(By.id("password-view")).isDisplayed());
        browser.findElement(By.id("new-password")).sendKeys(chosen);
        browser.findElement(By.id("repeat-password")).sendKeys(chosen);
        click("#password-button");
        waitFor("the event", () -> browser.findElement(By.id("event-view")).isDisplayed());
    }

    /** The desk's item of a pending deduction or disqualification. */
    private static String pending(long penalty) {
        return "#penalty-list li[data-penalty-id='" + penalty + "']";
    }

    private List<WebElement> entryButtons() {
        return browser.findElements(By.cssSelector("#entries button.entry"));
    }

    private WebElement entryButton(long registration) {
        return browser.findElement(By.cssSelector("#entries button[data-registration-id='" + registration + "']"));
    }

    private void openEntry(long registration) {
        script("arguments[0].scrollIntoView({block: 'center'})", entryButton(registration));
        entryButton(registration).click();
        waitFor("the sheet of " + registration, () -> browser.findElement(By.id("sheet-form")).isDisplayed()
                && "true".equals(entryButton(registration).getDomAttribute("aria-current")));
    }

    private void type(String aspect, String value) {
        WebElement input = browser.findElement(By.cssSelector("#aspects fieldset[data-aspect=" + aspect + "] input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    }

    private void choose(String aspect, String value) {
        browser.findElement(By.cssSelector("#aspects fieldset[data-aspect=" + aspect + "] input[value='" + value
                + "']")).click();
    }

    private void select(String selector, String value) {
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector(selector))).selectByValue(value);
    }

    private String saveState() {
        return browser.findElement(By.id("save-status")).getDomAttribute("data-state");
    }

    private void click(String selector) {
        waitFor(selector + " to click", () -> browser.findElement(By.cssSelector(selector)).isDisplayed()
                && browser.findElement(By.cssSelector(selector)).isEnabled());
        WebElement element = browser.findElement(By.cssSelector(selector));
        // Clear of the sticky masthead, as a judge would scroll it.
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private String text(String selector) {
        return browsers.text(selector);
    }

    private Object script(String code, Object... arguments) {
        return browsers.script(code, arguments);
    }

    private void waitFor(String what, BooleanSupplier condition) {
        browsers.waitFor(what, WAIT, condition);
    }

    /** A screenshot with the element at the top of the window, under the masthead. */
    private void screenshotAt(String selector, String name) throws IOException {
        script("arguments[0].scrollIntoView({block: 'start'})", browser.findElement(By.cssSelector(selector)));
        browsers.screenshot(name);
    }

    /** A screenshot of the top of the page: the masthead, and what a judge sees first. */
    private void screenshot(String name) throws IOException {
        script("window.scrollTo(0, 0)");
        browsers.screenshot(name);
    }
}
