package org.microneedling.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A receptionist's four paths through the page, in English and in Spanish, in headless Chromium. Every
 * test fails on a browser console error; the page is served under a strict Content-Security-Policy.
 */
@QuarkusTest
class FrontDeskBrowserTest extends BrowserTest {

    /** The one error the browser itself logs on the invalid path: the API's 400 answer to a bad questionnaire. */
    static final String EXPECTED_BAD_REQUEST = "api/v1/screenings - Failed to load resource: the server responded "
            + "with a status of 400";

    private FrontDeskPage page;

    @BeforeAll
    static void openBrowser() {
        startBrowser("en-US");
    }

    private FrontDeskPage openIn(String language) {
        page = new FrontDeskPage(browser.driver()).open(root);
        if (!language.equals(page.language())) {
            page.switchLanguage(language);
        }
        assertThat(page.language()).isEqualTo(language);
        return page;
    }

    private static String text(String language, String key) {
        return PageStrings.get(language, key);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "es" })
    void healthyPatientIsShownEligible(String language) {
        openIn(language).healthyBaseline().medicine("metformin 500 mg").submit();

        assertThat(page.outcome()).isEqualTo("ELIGIBLE");
        WebElement result = page.result();
        assertThat(result.getAttribute("role")).isEqualTo("status");
        assertThat(result.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(result.findElement(By.cssSelector(".outcome-word")).getText())
                .startsWith(text(language, "outcome.ELIGIBLE"));
        assertThat(result.findElement(By.cssSelector(".outcome-icon")).isDisplayed()).isTrue();
        assertThat(page.reasonCodes()).isEmpty();
        assertThat(result.findElement(By.cssSelector("[data-field='screeningId']")).getText())
                .matches("[0-9a-f-]{36}");
        assertThat(result.findElement(By.cssSelector("[data-field='ruleset']")).getText()).endsWith("1.0.0");
        assertThat(result.findElement(By.cssSelector("[data-field='asOf'] time")).getAttribute("datetime"))
                .isEqualTo("2026-11-25");
        assertContrast();
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "es" })
    void eczemaAndABloodThinnerMakeThePatientIneligibleWithEveryReason(String language) {
        openIn(language).healthyBaseline().answer("history.eczema", "YES").medicine("metformin 500 mg")
                .medicine("Eliquis 5 mg twice daily").submit();

        assertThat(page.outcome()).isEqualTo("INELIGIBLE");
        assertThat(page.result().findElement(By.cssSelector(".outcome-word")).getText())
                .startsWith(text(language, "outcome.INELIGIBLE"));
        assertThat(page.reasonCodes()).containsExactly("ECZEMA", "BLOOD_THINNERS");
        assertThat(page.reason("ECZEMA").getText()).contains(language.equals("es") ? "eccema" : "eczema")
                .contains("history.eczema: YES");
        assertThat(page.reason("BLOOD_THINNERS").getText())
                .contains(language.equals("es") ? "«Eliquis 5 mg twice daily» contiene apixaban"
                        : "'Eliquis 5 mg twice daily' is apixaban")
                .contains(text(language, "outcome.INELIGIBLE"));
        assertContrast();
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "es" })
    void youngPatientUnsureOfPregnancyIsReferredWithReassessmentDateAdvisoryAndNotAssessed(String language) {
        openIn(language).healthyBaseline()
                .date("patient.dateOfBirth", "2006-01-10")
                .answer("patient.pregnant", "UNKNOWN")
                .skinType("")
                .medicine("ibuprofen 400 mg as needed")
                .submit();

        assertThat(page.outcome()).isEqualTo("REFER_TO_PROVIDER");
        assertThat(page.result().findElement(By.cssSelector(".outcome-word")).getText())
                .startsWith(text(language, "outcome.REFER_TO_PROVIDER"));
        assertThat(page.reasonCodes()).containsExactly("BELOW_TYPICAL_AGE", "PREGNANCY");
        WebElement belowTypicalAge = page.reason("BELOW_TYPICAL_AGE");
        assertThat(belowTypicalAge.findElement(By.cssSelector(".reassess")).getText())
                .startsWith(text(language, "reassessAfter"));
        assertThat(belowTypicalAge.findElement(By.cssSelector(".reassess time")).getAttribute("datetime"))
                .isEqualTo("2028-01-10");
        assertThat(page.result().findElement(By.cssSelector(".advisory[data-code='ANTI_INFLAMMATORY_MEDICATION']"))
                .getText()).contains(language.equals("es") ? "AINE" : "NSAID");
        assertThat(page.result().findElements(By.cssSelector(".not-assessed li")))
                .extracting(WebElement::getText).containsExactly("PIGMENTATION_RISK");
        assertContrast();
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "es" })
    void invalidAnswersAreShownBesideTheirFieldsAndSummarisedAtTheTop(String language) {
        openIn(language).healthyBaseline();
        page.script("document.querySelectorAll(\"input[name='patient.pregnant'], input[name='history.eczema']\")"
                + ".forEach(radio => radio.checked = false);");
        page.date("patient.dateOfBirth", "2027-01-01").medicine("metformin").submit();

        // The page checks the answers itself first: nothing is sent, so not even the browser logs an error.
        WebElement summary = page.errorSummary();
        assertThat(summary.findElement(By.tagName("h2")).getText()).isEqualTo(text(language, "checkTitle"));
        assertThat(page.fieldError("patient.pregnant")).isEqualTo(text(language, "checkRequired"));
        assertThat(page.fieldError("history.eczema")).isEqualTo(text(language, "checkRequired"));
        assertThat(page.fieldError("patient.dateOfBirth")).contains("2026-11-25");
        for (WebElement radio : browser.driver().findElements(By.name("patient.pregnant"))) {
            assertThat(radio.getAttribute("aria-invalid")).isEqualTo("true");
        }
        assertThat(browser.driver().findElements(By.cssSelector("[data-outcome]"))).isEmpty();

        List<WebElement> links = summary.findElements(By.cssSelector("li a"));
        assertThat(links).hasSize(3);
        links.get(0).click();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("aria-invalid")).isEqualTo("true");
        assertContrast();
    }

    /** Only the API checks each medicine's length, so this path shows the API's own problem+json. */
    @ParameterizedTest
    @ValueSource(strings = { "en", "es" })
    void problemsOnlyTheApiFindsPointAtTheRowTheyConcern(String language) {
        openIn(language).healthyBaseline().medicine("metformin").medicine("placeholder");
        List<WebElement> rows = browser.driver().findElements(By.name("medications"));
        // The input's maxlength stops typing at 200 characters; an integrator's script is not stopped by it.
        page.script("arguments[0].value = arguments[1];", rows.get(1), "x".repeat(201));
        WebElement summary = page.submit().errorSummary();

        assertThat(summary.findElement(By.tagName("h2")).getText())
                .isEqualTo(language.equals("es") ? "Datos no válidos" : "Invalid input");
        assertThat(rows.get(0).getAttribute("aria-invalid")).isNull();
        assertThat(rows.get(1).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.fieldError("medications")).isEmpty();
        String errorId = rows.get(1).getAttribute("aria-describedby");
        assertThat(browser.driver().findElement(By.id(errorId)).getText())
                .isEqualTo(language.equals("es") ? "debe tener como máximo 200 caracteres"
                        : "must be at most 200 characters");
        browser.assertNoConsoleErrors(EXPECTED_BAD_REQUEST);
    }

    @Test
    void switchingLanguageKeepsTheAnswersAndTranslatesTheQuestions() {
        openIn("en").healthyBaseline().answer("history.eczema", "YES").medicine("Advil");
        String englishQuestion = browser.driver().findElement(By.cssSelector("[data-path='history.eczema'] legend"))
                .getText();

        page.switchLanguage("es");

        assertThat(browser.driver().findElement(By.cssSelector("[data-path='history.eczema'] legend")).getText())
                .isNotEqualTo(englishQuestion).contains("eccema");
        assertThat(browser.driver().findElement(By.id("submit-screening")).getText())
                .isEqualTo(text("es", "submit"));
        assertThat(browser.driver().findElement(By.cssSelector("input[name='history.eczema'][value='YES']"))
                .isSelected()).isTrue();
        assertThat(browser.driver().findElement(By.name("medications")).getAttribute("value")).isEqualTo("Advil");
        page.submit();
        assertThat(page.reason("ECZEMA").getText()).contains("eccema");
    }

    @Test
    void conditionalDatesAppearOnlyAfterTheAnswerThatNeedsThem() {
        openIn("en").healthyBaseline();
        WebElement endDate = browser.driver().findElement(By.cssSelector("[data-path='history.radiationTherapyEndDate']"));
        assertThat(endDate.isDisplayed()).isFalse();
        page.answer("history.radiationTherapy", "YES");
        assertThat(endDate.isDisplayed()).isTrue();
        page.date("history.radiationTherapyEndDate", "2026-10-01").submit();
        assertThat(page.reason("RECENT_RADIATION").findElement(By.cssSelector(".reassess time"))
                .getAttribute("datetime")).isEqualTo("2027-10-01");
    }

    private void assertContrast() {
        browser.assertContrast();
    }
}
