package org.microneedling.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its own chromedriver: test tools may not download a
 * browser on these machines. Outside CI the browser tests are skipped when Chromium is missing; in CI
 * ({@code CI} set) they must run, so a missing browser fails them.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(String language) {
        try {
            profile = Files.createTempDirectory("frontdesk-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium keeps calling home, which this closed network refuses.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600", "--lang=" + language,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    static void assumeAvailable() {
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                    "Chromium is not installed; run: source .ci/chromium.sh");
        }
    }

    static Browser start(String language) {
        assumeAvailable();
        return new Browser(language);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Console messages at level SEVERE since the last call; reading them empties the browser's buffer. */
    List<LogEntry> severeLogEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    void assertNoConsoleErrors(String... expectedFailedRequests) {
        List<String> errors = severeLogEntries().stream()
                .map(LogEntry::getMessage)
                .filter(message -> Stream.of(expectedFailedRequests).noneMatch(message::contains))
                .toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    /** Fails on any visible text of the page below WCAG AA contrast. */
    void assertContrast() {
        @SuppressWarnings("unchecked")
        List<String> failures = (List<String>) driver.executeScript(TestScripts.CONTRAST);
        assertThat(failures).as("text below WCAG AA contrast").isEmpty();
    }

    /** Fails unless the element shows a focus outline of at least 2 px. */
    static void assertVisibleFocus(WebElement element, String description) {
        assertThat(element.getCssValue("outline-style")).as("focus outline of " + description).isNotEqualTo("none");
        assertThat(Double.parseDouble(element.getCssValue("outline-width").replace("px", "")))
                .as("focus outline width of " + description).isGreaterThanOrEqualTo(2.0);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover profile in /tmp does no harm to the next run.
        }
    }
}
