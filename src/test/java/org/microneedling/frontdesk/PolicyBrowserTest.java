package org.microneedling.frontdesk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The medical director's policy page in headless Chromium against the running service with authentication on:
 * the policy in force explained, a draft (refused, then made), its replay and its activation.
 */
@QuarkusTest
@TestProfile(PolicyPageProfile.class)
class PolicyBrowserTest extends BrowserTest {

    /** What the browser itself logs for the answers the page expects: no key yet, no screening role, a bad draft. */
    static final String NO_KEY_YET = "api/v1/me - Failed to load resource: the server responded with a status of 401";
    static final String NO_SCREENING_ROLE = "api/v1/questionnaire - Failed to load resource: the server responded "
            + "with a status of 403";
    static final String BAD_DRAFT = "api/v1/policies - Failed to load resource: the server responded with a status "
            + "of 400";
    static final String NOT_A_DRAFT = "/activation - Failed to load resource: the server responded with a status "
            + "of 409";

    @BeforeAll
    static void openBrowser() {
        startBrowser("en-US");
    }

    private static String text(String language, String key, Object... values) {
        String text = PageStrings.get(language, key);
        for (int i = 0; i + 1 < values.length; i += 2) {
            text = text.replace("{" + values[i] + "}", String.valueOf(values[i + 1]));
        }
        return text;
    }

    @Test
    void aMedicalDirectorDraftsReplaysAndActivatesAShorterRadiationWindow() {
        String changed = RecordedScreenings.irradiated(PolicyPageProfile.RECEPTION_KEY);
        RecordedScreenings.eligibleBaseline(PolicyPageProfile.RECEPTION_KEY);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        PolicyPage page = new PolicyPage(browser.driver()).signIn(root, PolicyPageProfile.DIRECTOR_KEY).openPolicyView();
        assertThat(page.inForceIdentity()).startsWith(text("en", "policyVersionOf", "version", 0))
                .contains(text("en", "policyStatus.ACTIVE"));
        assertThat(page.parameterValue("radiationWindowMonths")).isEqualTo("12");
        assertThat(page.parameterHelp("radiationWindowMonths"))
                .isEqualTo(text("en", "parameter.radiationWindowMonths.help", "value", 12));
        assertThat(page.outcomeRow("ECZEMA").getText()).contains(text("en", "reasonLabel.ECZEMA"))
                .contains(text("en", "outcome.INELIGIBLE"));
        assertThat(page.versionStatus(0)).isEqualTo("ACTIVE");

        page.draft("parameters.minimumAge", "-1").draft("parameters.radiationWindowMonths", "6")
                .draft("note", "Six-month radiation window").submitDraft();
        assertThat(page.fieldError("parameters.minimumAge")).isNotBlank();
        assertThat(page.focused().getAttribute("name")).isEqualTo("parameters.minimumAge");
        assertThat(browser.driver().findElements(By.cssSelector("#policy-versions-table tbody tr"))).hasSize(1);

        page.draft("parameters.minimumAge", "18").submitDraft()
                .waitForStatus(text("en", "draftCreated", "version", 1));
        assertThat(page.focused().getAttribute("id")).isEqualTo("policy-status");
        assertThat(browser.driver().findElement(By.name("parameters.minimumAge")).getAttribute("aria-invalid")).isNull();
        assertThat(page.versionStatus(1)).isEqualTo("DRAFT");
        assertThat(page.versionRow(1).getText()).contains("director").contains("Six-month radiation window");

        page.replay(1, today.minusDays(1).toString(), today.toString());
        WebElement report = page.replayResult();
        assertThat(page.focused().getAttribute("id")).isEqualTo("replay-heading");
        assertThat(report.getText()).contains(text("en", "replaySummary", "changed", 1, "screenings", 2));
        WebElement transition = report.findElement(By.cssSelector("tr[data-from='INELIGIBLE'][data-to='ELIGIBLE']"));
        assertThat(transition.findElements(By.tagName("td"))).extracting(WebElement::getText)
                .containsExactly(text("en", "outcome.INELIGIBLE"), text("en", "outcome.ELIGIBLE"), "1");
        assertThat(report.findElement(By.cssSelector("tr[data-code='RECENT_RADIATION'] [data-column='removed']"))
                .getText()).isEqualTo("1");
        assertThat(report.findElements(By.cssSelector(".replay-examples a")))
                .extracting(link -> link.getAttribute("data-screening-id")).containsExactly(changed);

        page.requestActivation(1);
        assertThat(page.focused().getAttribute("id")).isEqualTo("activation-cancel");
        assertThat(browser.driver().findElement(By.id("activation-dialog-text")).getText())
                .isEqualTo(text("en", "activationConfirmNow", "version", 1));
        browser.driver().findElement(By.id("activation-confirm")).click();
        page.waitForStatus(text("en", "activationDone", "version", 1));
        assertThat(page.inForceIdentity()).startsWith(text("en", "policyVersionOf", "version", 1));
        assertThat(page.parameterValue("radiationWindowMonths")).isEqualTo("6");
        assertThat(page.versionStatus(1)).isEqualTo("ACTIVE");
        assertThat(browser.driver().findElement(By.id("activate-policy")).isEnabled()).isFalse();
        assertThat(browser.driver().findElement(By.id("activation-none")).isDisplayed()).isTrue();

        // A second tab activated it first: the version offered is no longer a draft, and the page says so plainly.
        page.script("const select = document.getElementById('activation-version');"
                + "select.append(new Option('Version 1', '1')); select.value = '1';"
                + "document.getElementById('activate-policy').disabled = false;");
        page.requestActivation(1);
        browser.driver().findElement(By.id("activation-confirm")).click();
        assertThat(page.alert().getText()).contains(text("en", "activationConflict", "version", 1));
        assertThat(page.focused().getAttribute("id")).isEqualTo("policy-alert");
        browser.assertNoConsoleErrors(NO_KEY_YET, NO_SCREENING_ROLE, BAD_DRAFT, NOT_A_DRAFT);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "es" })
    void everyParameterAndReasonOfThePolicyIsExplainedInPlainWords(String language) {
        Map<String, Object> policy = given().header("X-API-Key", PolicyPageProfile.READING_DIRECTOR_KEY)
                .get("/api/v1/policy").then().statusCode(200).extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) policy.get("parameters");
        @SuppressWarnings("unchecked")
        Map<String, String> outcomes = (Map<String, String>) policy.get("outcomes");

        PolicyPage page = new PolicyPage(browser.driver()).signIn(root, PolicyPageProfile.READING_DIRECTOR_KEY)
                .openPolicyView();
        if (!"en".equals(language)) {
            page.switchLanguage(language);
        }
        for (String name : parameters.keySet()) {
            assertThat(page.parameterHelp(name)).as(language + " " + name)
                    .isEqualTo(text(language, "parameter." + name + ".help", "value", page.parameterValue(name)));
        }
        assertThat(page.parameterValue("pigmentationRiskMinimumType")).isEqualTo("IV");
        outcomes.forEach((code, outcome) -> assertThat(page.outcomeRow(code).getText()).as(code)
                .contains(text(language, "reasonLabel." + code)).contains(text(language, "outcome." + outcome)));
        assertThat(page.inForceIdentity()).contains(text(language, "policyStatus.ACTIVE"));
        browser.assertNoConsoleErrors(NO_KEY_YET);
    }

    @Test
    void anAdminDraftsAndReplaysOpensAnExampleAndIsNotOfferedActivation() {
        String changed = RecordedScreenings.irradiated(PolicyPageProfile.READING_RECEPTION_KEY);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PolicyPage page = new PolicyPage(browser.driver()).signIn(root, PolicyPageProfile.READING_ADMIN_KEY);
        assertThat(page.navigationShown()).isTrue();
        page.openPolicyView();
        assertThat(page.focused().getAttribute("id")).isEqualTo("policy-title");
        assertThat(browser.driver().findElement(By.id("activation-section")).isDisplayed()).isFalse();

        page.draft("parameters.radiationWindowMonths", "6").draft("note", "Admin's proposal").submitDraft();
        String created = page.status();
        int version = browser.driver().findElements(By.cssSelector("#policy-versions-table tbody tr")).stream()
                .filter(row -> "DRAFT".equals(row.getAttribute("data-status")))
                .mapToInt(row -> Integer.parseInt(row.getAttribute("data-version"))).max().orElseThrow();
        assertThat(created).isEqualTo(text("en", "draftCreated", "version", version));
        assertThat(page.versionRow(version).getText()).contains("reading-operator");

        page.replay(version, today.minusDays(1).toString(), today.toString());
        WebElement example = page.replayResult()
                .findElement(By.cssSelector(".replay-examples a[data-screening-id='" + changed + "']"));
        example.click();
        WebElement shown = browser.driver().findElement(By.id("replay-example"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> "INELIGIBLE".equals(shown.getAttribute("data-outcome")));
        assertThat(page.focused().getAttribute("id")).isEqualTo("example-heading");
        assertThat(shown.findElement(By.cssSelector("[data-field='screeningId']")).getText()).isEqualTo(changed);
        assertThat(shown.findElements(By.cssSelector("li.reason"))).extracting(li -> li.getAttribute("data-code"))
                .containsExactly("RECENT_RADIATION");
        browser.assertNoConsoleErrors(NO_KEY_YET);
    }

    @Test
    void aReceptionistSeesThePageAsBeforeWithoutThePolicy() {
        PolicyPage page = new PolicyPage(browser.driver()).signIn(root, PolicyPageProfile.RECEPTION_KEY);
        new FrontDeskPage(browser.driver()).waitForQuestionnaire();
        assertThat(page.navigationShown()).isFalse();
        assertThat(browser.driver().findElement(By.id("policy-view")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("#views a"))).noneMatch(WebElement::isDisplayed);

        browser.driver().get(root + "#policy-view");
        browser.driver().navigate().refresh();
        new FrontDeskPage(browser.driver()).waitForQuestionnaire();
        assertThat(browser.driver().findElement(By.id("policy-view")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(By.id("screening-view")).isDisplayed()).isTrue();
        browser.assertNoConsoleErrors(NO_KEY_YET);
    }
}
