package org.microneedling.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.junit.QuarkusTest;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.DecisionLog;
import org.microneedling.screening.rules.Advisory;
import org.microneedling.screening.rules.Rule;
import org.microneedling.screening.rules.Ruleset;

/**
 * "Print for the patient" in headless Chromium: the sheet opens in a window of its own, in the language chosen for
 * the patient whatever the page's, styled although the front desk allows no inline style, and Chromium's own print
 * to PDF puts every kind of sheet, the longest included, on at most two A4 or Letter pages.
 */
@QuarkusTest
class PatientSheetBrowserTest extends BrowserTest {

    static final PageSize A4 = new PageSize(29.7, 21.0);
    static final PageSize LETTER = new PageSize(27.94, 21.59);
    private static final Pattern PAGE_OBJECT = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");
    private static final Pattern PAGE_COUNT = Pattern.compile("/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d+)"
            + "|/Count\\s+(\\d+)[^>]*?/Type\\s*/Pages\\b");

    @Inject
    DecisionLog decisionLog;

    private String frontDeskWindow;

    @BeforeAll
    static void openBrowser() {
        startBrowser("en-US");
    }

    @AfterEach
    void backToTheFrontDesk() {
        WebDriver driver = browser.driver();
        if (frontDeskWindow != null) {
            for (String handle : driver.getWindowHandles()) {
                if (!handle.equals(frontDeskWindow)) {
                    driver.switchTo().window(handle).close();
                }
            }
            driver.switchTo().window(frontDeskWindow);
        }
    }

    @Test
    void theReceptionistPrintsAColdSoreReferralInSpanishFromAnEnglishPage() {
        FrontDeskPage page = new FrontDeskPage(browser.driver()).open(root);
        frontDeskWindow = browser.driver().getWindowHandle();
        page.healthyBaseline().answer("history.coldSoreHistory", "YES").submit();
        assertThat(page.outcome()).isEqualTo("REFER_TO_PROVIDER");

        new Select(browser.driver().findElement(By.id("patient-language"))).selectByValue("es");
        openSheet();

        WebDriver sheet = browser.driver();
        assertThat(sheet.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(sheet.findElement(By.tagName("h1")).getText())
                .isEqualTo("Qué hacer y qué esperar del microneedling");
        String text = sheet.findElement(By.tagName("body")).getText();
        assertThat(text).contains("Su médico puede darle una medicina para prevenir el herpes en el labio")
                .doesNotContain("COLD_SORE_HISTORY", "REFER_TO_PROVIDER", "PENDING_REVIEW");
        assertThat(sheet.findElement(By.tagName("body")).getCssValue("font-size")).as("the sheet's own style applies")
                .isEqualTo("14px");
        assertThat(sheet.findElements(By.tagName("script"))).isEmpty();
        assertThat(pages(A4)).isBetween(1, 2);

        browser.driver().switchTo().window(frontDeskWindow);
        assertThat(page.language()).as("the page stays in the receptionist's language").isEqualTo("en");
    }

    static Stream<Arguments> sheets() {
        List<Arguments> cases = new ArrayList<>();
        for (String decision : List.of("eligible-with-every-advisory", "referral-at-the-long-sheet-limit",
                "referral-with-every-code", "ineligible-with-dates")) {
            for (String language : List.of("en", "es")) {
                cases.add(Arguments.of(decision, language));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("sheets")
    void everySheetPrintsOnAtMostTwoA4OrLetterPages(String decision, String language) {
        UUID id = record(decision);
        new FrontDeskPage(browser.driver()).open(root);
        frontDeskWindow = browser.driver().getWindowHandle();
        ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const [id, language, strings, done] = arguments;
                Promise.all([import('./frontdesk/api.js'), import('./frontdesk/patient-sheet.js')])
                    .then(([apiModule, sheetModule]) => {
                        const api = apiModule.createApi({ askForKey: async () => null });
                        document.querySelector('main').prepend(
                            sheetModule.patientSheetControls(api, id, strings, language));
                        done();
                    });
                """, id.toString(), language, PageStrings.all().get("en"));
        openSheet();

        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        int a4 = pages(A4);
        int letter = pages(LETTER);
        int items = browser.driver().findElements(By.tagName("li")).size();
        assertThat(a4).as("A4 pages").isBetween(1, 2);
        assertThat(letter).as("Letter pages").isBetween(1, 2);
        if (decision.equals("referral-with-every-code")) {
            assertThat(items).as("the longest sheet").isGreaterThan(90);
        }
        if (decision.equals("referral-at-the-long-sheet-limit")) {
            assertThat(items).as("the longest sheet in the larger type").isBetween(45, 50);
        }
    }

    /**
     * Clicks "Print for the patient", moves to the window it opens once the sheet is in it, and checks that the sheet
     * asked the browser to print it, once.
     */
    private void openSheet() {
        WebDriver driver = browser.driver();
        // Chromium's headless shell (since 156) starts a real print job for window.print() and keeps it open, so the
        // driver's own print to PDF then fails ("Page is already being printed"). The sheet's window counts its
        // requests to print instead.
        ((JavascriptExecutor) driver).executeScript("""
                const open = window.open.bind(window);
                window.open = (...args) => {
                    const opened = open(...args);
                    if (opened) {
                        opened.printRequests = 0;
                        opened.print = () => { opened.printRequests += 1; };
                    }
                    return opened;
                };
                """);
        Set<String> before = driver.getWindowHandles();
        driver.findElement(By.id("print-patient-sheet")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(d -> d.getWindowHandles().size() > before.size());
        String opened = driver.getWindowHandles().stream().filter(handle -> !before.contains(handle)).findFirst()
                .orElseThrow();
        driver.switchTo().window(opened);
        wait.until(d -> !d.findElements(By.cssSelector("body h1")).isEmpty());
        wait.until(d -> Long.valueOf(1).equals(((JavascriptExecutor) d).executeScript("return window.printRequests;")));
    }

    /** Chromium's own print to PDF of the current window, and the number of pages in the document it makes. */
    private int pages(PageSize size) {
        PrintOptions options = new PrintOptions();
        options.setPageSize(size);
        Pdf pdf = ((PrintsPage) browser.driver()).print(options);
        String document = new String(Base64.getDecoder().decode(pdf.getContent()), StandardCharsets.ISO_8859_1);
        int objects = (int) PAGE_OBJECT.matcher(document).results().count();
        Matcher count = PAGE_COUNT.matcher(document);
        assertThat(count.find()).as("the PDF's page tree").isTrue();
        int declared = Integer.parseInt(count.group(1) != null ? count.group(1) : count.group(2));
        assertThat(objects).as("page objects vs the page tree's count").isEqualTo(declared);
        return declared;
    }

    /** A stored decision of the default clinic, as the service would have recorded it. */
    private UUID record(String decision) {
        UUID id = UUID.randomUUID();
        Ruleset rules = Ruleset.defaults();
        String advisories = rules.advisories().stream().map(Advisory::code)
                .map(code -> "{\"code\":\"" + code + "\",\"message\":\"m\",\"evidence\":[]}")
                .collect(Collectors.joining(","));
        String result = switch (decision) {
            case "eligible-with-every-advisory" -> "{\"screeningId\":\"" + id + "\",\"outcome\":\"ELIGIBLE\","
                    + "\"reasons\":[],\"advisories\":[" + advisories + "],\"validUntil\":\"2026-12-25\"}";
            case "referral-with-every-code" -> "{\"screeningId\":\"" + id + "\",\"outcome\":\"REFER_TO_PROVIDER\","
                    + "\"reasons\":[" + rules.rules().stream().map(Rule::code)
                            .map(code -> reason(code, "REFER_TO_PROVIDER", "2027-09-30"))
                            .collect(Collectors.joining(",")) + "],\"advisories\":[" + advisories + "]}";
            case "referral-at-the-long-sheet-limit" -> "{\"screeningId\":\"" + id
                    + "\",\"outcome\":\"REFER_TO_PROVIDER\",\"reasons\":[" + Stream.of("COLD_SORE_HISTORY",
                            "PIGMENTATION_RISK", "METAL_ALLERGY")
                            .map(code -> reason(code, "REFER_TO_PROVIDER", null))
                            .collect(Collectors.joining(",")) + "],\"advisories\":[" + advisories + "]}";
            default -> "{\"screeningId\":\"" + id + "\",\"outcome\":\"INELIGIBLE\",\"reasons\":["
                    + reason("TOO_SOON_SINCE_LAST_SESSION", "INELIGIBLE", "2026-12-20") + ","
                    + reason("RECENT_RADIATION", "INELIGIBLE", "2027-09-30") + ","
                    + reason("BELOW_TYPICAL_AGE", "REFER_TO_PROVIDER", "2027-09-30") + "],\"advisories\":[]}";
        };
        decisionLog.append(List.of(new AuditEntry(id, "{}", result, Ruleset.NAME, Ruleset.VERSION, rules.digest(),
                LocalDate.of(2026, 11, 25), null, null, "json", Instant.now(), AuditEntry.SCREENING, "default")));
        return id;
    }

    private static String reason(String code, String outcome, String reassessAfter) {
        return "{\"code\":\"" + code + "\",\"outcome\":\"" + outcome + "\",\"message\":\"m\",\"evidence\":[],"
                + "\"source\":\"s\"" + (reassessAfter == null ? "" : ",\"reassessAfter\":\"" + reassessAfter + "\"")
                + "}";
    }
}
