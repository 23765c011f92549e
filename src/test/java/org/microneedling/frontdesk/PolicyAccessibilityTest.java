package org.microneedling.frontdesk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The policy view with the keyboard alone, its labels, tables, focus, contrast and a 320 px screen. */
@QuarkusTest
@TestProfile(PolicyPageProfile.class)
class PolicyAccessibilityTest extends BrowserTest {

    @BeforeAll
    static void openBrowser() {
        startBrowser("en-US");
    }

    /** Runs before the console check: the next test starts on a plain screen. */
    @AfterEach
    void clearEmulationAndDrainExpectedErrors() {
        browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.assertNoConsoleErrors(PolicyBrowserTest.NO_KEY_YET);
    }

    private WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    private PolicyPage signIn() {
        return new PolicyPage(browser.driver()).signIn(root, PolicyPageProfile.READING_DIRECTOR_KEY);
    }

    private void waitUntilFocused(String id) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> id.equals(d.switchTo().activeElement().getAttribute("id")));
    }

    private static void createDraft() {
        given().header("X-API-Key", PolicyPageProfile.READING_DIRECTOR_KEY).contentType("application/json")
                .body("{\"note\": \"A draft to reach with the keyboard\"}")
                .post("/api/v1/policies").then().statusCode(201);
    }

    @Test
    void aMedicalDirectorReachesThePolicyAndRunsAReplayWithTheKeyboardAloneAndAlwaysSeesTheFocus() {
        signIn();
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        for (int presses = 0; presses < 10 && !"view-policy-link".equals(focused().getAttribute("id")); presses++) {
            focused().sendKeys(Keys.TAB);
        }
        assertThat(focused().getAttribute("id")).isEqualTo("view-policy-link");
        assertVisibleFocus(focused());
        focused().sendKeys(Keys.ENTER);
        waitUntilFocused("policy-title");
        new PolicyPage(browser.driver()).waitForPolicy();
        assertThat(browser.driver().findElement(By.id("view-policy-link")).getAttribute("aria-current"))
                .isEqualTo("page");

        List<String> visited = new ArrayList<>();
        for (int presses = 0; presses < 250 && !"run-replay".equals(focused().getAttribute("id")); presses++) {
            focused().sendKeys(Keys.TAB);
            visited.add(focused().getAttribute("id"));
            assertVisibleFocus(focused());
        }
        assertThat(visited).contains("field-basedOn", "field-parameters-minimumAge", "field-outcomes-ECZEMA",
                "field-note", "create-draft", "replay-version", "field-from", "field-to", "run-replay");
        focused().sendKeys(Keys.ENTER);
        waitUntilFocused("replay-heading");
        WebElement result = browser.driver().findElement(By.id("replay-result"));
        assertThat(result.getAttribute("role")).isEqualTo("status");
        assertThat(result.getAttribute("aria-live")).isEqualTo("polite");
        assertContrast();
    }

    @Test
    void theActivationAsksForConfirmationAndEscapeLeavesEverythingAsItWas() {
        createDraft();
        signIn().openPolicyView();
        WebElement activate = browser.driver().findElement(By.id("activate-policy"));
        String draft = browser.driver().findElement(By.id("activation-version")).getAttribute("value");
        browser.driver().executeScript("arguments[0].focus();", activate);
        activate.sendKeys(Keys.ENTER);

        WebElement dialog = browser.driver().findElement(By.id("activation-dialog"));
        waitUntilFocused("activation-cancel");
        assertThat(dialog.getAttribute("open")).isNotNull();
        assertThat(dialog.findElement(By.id("activation-dialog-text")).getText()).contains(draft);
        focused().sendKeys(Keys.ESCAPE);
        waitUntilFocused("activate-policy");
        assertThat(dialog.getAttribute("open")).isNull();
        given().header("X-API-Key", PolicyPageProfile.READING_DIRECTOR_KEY).get("/api/v1/policies/" + draft)
                .then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void everyControlHasALabelAndEveryTableACaptionAndColumnHeadings() {
        createDraft();
        signIn().openPolicyView();
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) browser.driver().executeScript("""
                return [...document.querySelectorAll('#policy-view :is(input, select, textarea, button), #activation-dialog button')]
                    .filter(control => {
                        const label = control.labels && [...control.labels].map(l => l.textContent.trim()).join('');
                        return !(label || control.getAttribute('aria-label') || (control.tagName === 'BUTTON'
                            && control.textContent.trim()));
                    })
                    .map(control => control.outerHTML);
                """);
        assertThat(unlabelled).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> unnamedTables = (List<String>) browser.driver().executeScript("""
                return [...document.querySelectorAll('#policy-view table')]
                    .filter(table => !table.caption || !table.caption.textContent.trim()
                        || [...table.querySelectorAll('thead th')].some(th => th.getAttribute('scope') !== 'col'))
                    .map(table => table.id);
                """);
        assertThat(unnamedTables).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#policy-view table"))).hasSizeGreaterThanOrEqualTo(2);
        assertContrast();
    }

    @Test
    void thePolicyFitsA320PixelScreenWithoutSidewaysScrolling() {
        PolicyPage page = signIn();
        // After signing in: the emulation belongs to the tab, and signing in opens a new one.
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        page.openPolicyView();
        assertThat(scrollWidth()).isLessThanOrEqualTo(320);
        browser.driver().findElement(By.id("run-replay")).click();
        waitUntilFocused("replay-heading");
        assertThat(scrollWidth()).isLessThanOrEqualTo(320);
    }

    private long scrollWidth() {
        return (Long) browser.driver().executeScript("return document.documentElement.scrollWidth;");
    }

    private void assertContrast() {
        browser.assertContrast();
    }

    private void assertVisibleFocus(WebElement element) {
        Browser.assertVisibleFocus(element, element.getTagName() + "#" + element.getAttribute("id"));
    }
}
