package org.microneedling.frontdesk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The review queue and the patient look-up with the keyboard alone, their labels, live regions and contrast. */
@QuarkusTest
@TestProfile(ReviewPageProfile.class)
class ReviewAccessibilityTest extends BrowserTest {

    @BeforeAll
    static void openBrowser() {
        startBrowser("en-US");
    }

    /** Runs before the console check: the next test starts on a plain screen. */
    @AfterEach
    void clearEmulation() {
        browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.assertNoConsoleErrors(PolicyBrowserTest.NO_KEY_YET);
    }

    @Test
    void aProviderReviewsAReferralWithTheKeyboardAloneAndAlwaysSeesTheFocus() {
        String referral = RecordedScreenings.referred(ReviewPageProfile.KEYBOARD_RECEPTION_KEY, "kb-1");
        ReviewPage page = new ReviewPage(browser.driver()).signIn(root, ReviewPageProfile.KEYBOARD_PROVIDER_KEY);
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        tabUntil(page, "view-review-link", 10);
        page.focused().sendKeys(Keys.ENTER);
        page.waitUntilFocused("review-title");
        page.waitForQueue();

        List<String> visited = tabUntil(page, "open-review", 10);
        assertThat(page.focused().getAttribute("data-screening-id")).isEqualTo(referral);
        assertThat(visited).doesNotContain("review-more");
        page.focused().sendKeys(Keys.ENTER);
        page.waitUntilFocused("review-detail-title");

        page.focused().sendKeys(Keys.TAB);
        assertThat(page.focused().getAttribute("value")).isEqualTo("CLEARED");
        page.focused().sendKeys(Keys.ARROW_RIGHT);
        assertThat(page.focused().getAttribute("value")).isEqualTo("DECLINED");
        assertThat(page.focused().isSelected()).isTrue();
        page.focused().sendKeys(Keys.TAB);
        assertThat(page.focused().getAttribute("name")).isEqualTo("rationale");
        page.focused().sendKeys("Keloid history on the face: not a candidate.");
        visited = tabUntil(page, "submit-review", 5);
        assertThat(visited).as("the date is only for a clearance, so it is skipped")
                .containsExactly("field-conditions-0-", "add-condition", "submit-review");
        page.focused().sendKeys(Keys.ENTER);

        page.waitUntilFocused("review-status");
        assertThat(page.recorded().getText()).isEqualTo("Decision recorded for patient kb-1: Declined");
        assertThat(browser.driver().findElement(By.id("review-empty")).isDisplayed()).isTrue();
        given().header("X-API-Key", ReviewPageProfile.KEYBOARD_PROVIDER_KEY)
                .get("/api/v1/screenings/" + referral + "/status")
                .then().statusCode(200).body("status", equalTo("DECLINED"))
                .body("reviews[0].rationale", equalTo("Keloid history on the face: not a candidate."));
    }

    @Test
    void everyControlOfTheQueueAndTheLookUpIsLabelledTheAnswersAreAnnouncedAndTheTextIsReadable() {
        String referral = RecordedScreenings.referred(ReviewPageProfile.CHECKED_RECEPTION_KEY, "ck-labels");
        ReviewPage page = new ReviewPage(browser.driver()).signIn(root, ReviewPageProfile.CHECKED_PROVIDER_KEY)
                .openQueue().open(referral);
        page.submit();
        page.fieldError("rationale");
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) page.script("""
                const controls = '#review-view :is(input, select, textarea, button), #lookup :is(input, button)';
                return [...document.querySelectorAll(controls)]
                    .filter(control => {
                        const label = control.labels && [...control.labels].map(l => l.textContent.trim()).join('');
                        return !(label || control.getAttribute('aria-label') || (control.tagName === 'BUTTON'
                            && control.textContent.trim()));
                    })
                    .map(control => control.outerHTML);
                """);
        assertThat(unlabelled).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> describedByMissing = (List<String>) page.script("""
                return [...document.querySelectorAll('[aria-describedby], [aria-labelledby]')]
                    .filter(node => node.closest('#review-view, #lookup'))
                    .flatMap(node => ((node.getAttribute('aria-describedby') || '') + ' '
                        + (node.getAttribute('aria-labelledby') || '')).split(' ').filter(Boolean))
                    .filter(id => !document.getElementById(id));
                """);
        assertThat(describedByMissing).as("ids referred to by aria attributes").isEmpty();
        @SuppressWarnings("unchecked")
        List<String> duplicateIds = (List<String>) page.script("""
                const ids = [...document.querySelectorAll('[id]')].map(node => node.id);
                return ids.filter((id, index) => ids.indexOf(id) !== index);
                """);
        assertThat(duplicateIds).isEmpty();
        assertThat(page.detail().findElement(By.cssSelector("fieldset[data-path='decision'] legend")).getText())
                .startsWith("Decision");
        for (String region : List.of("review-status", "lookup-result", "result")) {
            WebElement live = browser.driver().findElement(By.id(region));
            assertThat(live.getAttribute("role")).as(region).isEqualTo("status");
            assertThat(live.getAttribute("aria-live")).as(region).isEqualTo("polite");
        }
        assertThat(browser.driver().findElement(By.id("review-alert")).getAttribute("role")).isEqualTo("alert");
        browser.assertContrast();

        // On a phone the queue and the form fit the screen without scrolling sideways.
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        assertThat((Long) page.script("return document.documentElement.scrollWidth;")).isLessThanOrEqualTo(320);
    }

    /** Presses Tab until the focus is on the element with this id or class; gives the ids visited on the way. */
    private static List<String> tabUntil(ReviewPage page, String idOrClass, int maxPresses) {
        List<String> visited = new ArrayList<>();
        for (int presses = 0; presses < maxPresses && !matches(page.focused(), idOrClass); presses++) {
            page.focused().sendKeys(Keys.TAB);
            visited.add(page.focused().getAttribute("id"));
            WebElement focused = page.focused();
            Browser.assertVisibleFocus(focused, focused.getTagName() + "#" + focused.getAttribute("id"));
        }
        assertThat(matches(page.focused(), idOrClass)).as("focus reached " + idOrClass + " after " + visited).isTrue();
        return visited;
    }

    private static boolean matches(WebElement element, String idOrClass) {
        return idOrClass.equals(element.getAttribute("id"))
                || List.of(element.getAttribute("class").split(" ")).contains(idOrClass);
    }
}
