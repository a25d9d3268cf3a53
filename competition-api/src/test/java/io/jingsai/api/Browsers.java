package io.jingsai.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the pages' tests: Debian's chromium, headless, driven by its own chromedriver (both given by
 * path, so Selenium Manager never looks for, or downloads, another), with a throw-away profile and Chinese as the
 * browser's language. A test using one is skipped only where chromium or chromedriver are not installed
 * ({@code .ci/run} installs them). Screenshots go to {@code target/<folder>/}.
 */
public final class Browsers implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration POLL = Duration.ofMillis(25);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private Browsers(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /**
     * Starts chromium with a window of {@code width} × {@code height}, keeping the browser's console at every level;
     * skips the calling test where chromium or chromedriver are missing.
     */
    public static Browsers chromium(String screenshotFolder, int width, int height) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver are not installed");
        Path profile = Files.createTempDirectory("jingsai-browser-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        Path screenshots = Path.of("target", screenshotFolder);
        Files.createDirectories(screenshots);
        return new Browsers(new ChromeDriver(service, options), profile, screenshots);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits for {@code condition}, polled; an element missing or replaced meanwhile only means "not yet". */
    public void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        new WebDriverWait(driver, timeout, POLL).withMessage(what)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(browser -> condition.getAsBoolean());
    }

    public Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    /** The visible text of the first element {@code selector} matches. */
    public String text(String selector) {
        return driver.findElement(By.cssSelector(selector)).getText();
    }

    /** The window as it is now, as {@code target/<folder>/<name>}. */
    public void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** What the browser logged as errors (a script or style the page's policy blocked, a failed request, …). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
