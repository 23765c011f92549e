package org.microneedling.frontdesk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The review queue and the patient look-up in headless Chromium, signed in with clinic keys: the queue in Spanish
 * page after page, a review the service refuses, and a receptionist who looks patients up but sees no queue.
 */
@QuarkusTest
@TestProfile(ReviewPageProfile.class)
class ReviewPageBrowserTest extends BrowserTest {

    static final String REFUSED_REVIEW = "/reviews - Failed to load resource: the server responded with a status "
            + "of 400";
    static final String NO_SUCH_PATIENT = "patientReference=nobody-at-all - Failed to load resource: the server "
            + "responded with a status of 404";

    @BeforeAll
    static void openBrowser() {
        startBrowser("en-US");
    }

    @Test
    void theQueueIsInSpanishOldestFirstAndShowsMoreOnRequest() {
        List<String> referred = new ArrayList<>();
        for (int patient = 0; patient < 21; patient++) {
            referred.add(RecordedScreenings.referred(ReviewPageProfile.SPANISH_RECEPTION_KEY, "es-" + (100 + patient)));
        }
        ReviewPage page = new ReviewPage(browser.driver()).signIn(root, ReviewPageProfile.SPANISH_PROVIDER_KEY);
        assertThat(browser.driver().findElement(By.id("screening-view")).isDisplayed())
                .as("a provider who may not screen gets the queue as the whole page").isFalse();
        page.waitForQueue().switchLanguage("es");

        assertThat(page.queuedScreenings()).containsExactlyElementsOf(referred.subList(0, 20));
        WebElement first = page.queueItem(referred.get(0));
        assertThat(first.findElement(By.tagName("h3")).getText()).isEqualTo("Derivación del paciente es-100");
        assertThat(first.findElement(By.className("status-badge")).getText()).isEqualTo("Pendiente de revisión");
        WebElement reason = first.findElement(By.cssSelector("li.reason[data-code='COLD_SORE_HISTORY']"));
        assertThat(reason.findElement(By.className("reason-label")).getText())
                .isEqualTo(PageStrings.get("es", "reasonLabel.COLD_SORE_HISTORY"));
        assertThat(reason.findElement(By.className("reason-evidence")).getText())
                .startsWith("Respuestas del paciente: ").contains(storedEvidence(referred.get(0)));
        assertThat(first.findElement(By.className("open-review")).getText()).isEqualTo("Revisar al paciente es-100");

        WebElement more = browser.driver().findElement(By.id("review-more"));
        assertThat(more.getText()).isEqualTo("Mostrar más derivaciones");
        more.click();
        page.queueItem(referred.get(20));
        assertThat(page.queuedScreenings()).containsExactlyElementsOf(referred);
        assertThat(more.isDisplayed()).as("the last page has no nextCursor").isFalse();
        assertThat(page.focused().getAttribute("data-screening-id")).isEqualTo(referred.get(20));
        browser.assertNoConsoleErrors(PolicyBrowserTest.NO_KEY_YET, PolicyBrowserTest.NO_SCREENING_ROLE);
    }

    @Test
    void aReviewTheServiceRefusesShowsTheProblemBesideItsFieldAndRecordsNothing() {
        String referral = RecordedScreenings.referred(ReviewPageProfile.CHECKED_RECEPTION_KEY, "ck-refused");
        ReviewPage page = new ReviewPage(browser.driver()).signIn(root, ReviewPageProfile.CHECKED_PROVIDER_KEY)
                .openQueue().open(referral);

        page.submit();
        assertThat(page.fieldError("decision")).isEqualTo(PageStrings.get("en", "reviewDecisionRequired"));
        assertThat(page.fieldError("rationale")).isEqualTo(PageStrings.get("en", "reviewRationaleRequired"));
        assertThat(page.focused().getAttribute("name")).isEqualTo("decision");

        // The sample's asOf is 2026-11-25; a clearance may last at most 365 days from it.
        page.decide("CLEARED").rationale("Antiviral cover arranged with the GP.").validUntil("2027-12-30").submit();
        String problem = page.fieldError("validUntil");
        assertThat(problem).isNotBlank().isNotEqualTo(PageStrings.get("en", "reviewDecisionRequired"));
        assertThat(page.focused().getAttribute("name")).isEqualTo("validUntil");
        assertThat(browser.driver().findElement(By.name("rationale")).getAttribute("aria-invalid")).isNull();
        assertThat(browser.driver().findElement(By.id("review-alert")).isDisplayed()).isFalse();
        assertThat(page.queuedScreenings()).contains(referral);
        given().header("X-API-Key", ReviewPageProfile.CHECKED_PROVIDER_KEY)
                .get("/api/v1/screenings/" + referral + "/status")
                .then().statusCode(200).body("status", equalTo("PENDING_REVIEW")).body("reviews.size()", equalTo(0));
        browser.assertNoConsoleErrors(PolicyBrowserTest.NO_KEY_YET, REFUSED_REVIEW);
    }

    @Test
    void aReceptionistSeesNoQueueSeesTheStatusOfAResultAndLooksPatientsUp() {
        RecordedScreenings.referred(ReviewPageProfile.CHECKED_RECEPTION_KEY, "ck-waiting");
        ReviewPage page = new ReviewPage(browser.driver()).signIn(root, ReviewPageProfile.CHECKED_RECEPTION_KEY);
        FrontDeskPage form = new FrontDeskPage(browser.driver()).waitForQuestionnaire();
        assertThat(page.queueOffered()).isFalse();
        browser.driver().get(root + "#review-view");
        browser.driver().navigate().refresh();
        form.waitForQuestionnaire();
        assertThat(page.queueOffered()).isFalse();

        form.healthyBaseline().answer("history.coldSoreHistory", "YES").submit();
        assertThat(form.outcome()).isEqualTo("REFER_TO_PROVIDER");
        WebElement status = form.result().findElement(By.cssSelector("#result-status .screening-status"));
        assertThat(status.getAttribute("data-status")).isEqualTo("PENDING_REVIEW");
        assertThat(status.getText()).isEqualTo("Status today: Pending review");

        WebElement waiting = page.lookUp("ck-waiting");
        assertThat(waiting.getAttribute("data-status")).isEqualTo("PENDING_REVIEW");
        assertThat(waiting.getText()).contains("Patient ck-waiting").contains("Pending review")
                .contains(PageStrings.get("en", "lookupNotBookable"));
        assertThat(page.focused().getAttribute("id")).isEqualTo("lookup-result");
        WebElement unknown = page.lookUp("nobody-at-all");
        assertThat(unknown.getText()).isEqualTo("No screening of patient nobody-at-all is recorded at this clinic.");
        browser.assertNoConsoleErrors(PolicyBrowserTest.NO_KEY_YET, NO_SUCH_PATIENT);
    }

    /** The answers the stored screening gives for its cold sore reason, as the provider's page reads them. */
    private static String storedEvidence(String screeningId) {
        List<String> evidence = given().header("X-API-Key", ReviewPageProfile.SPANISH_PROVIDER_KEY)
                .get("/api/v1/screenings/" + screeningId).then().statusCode(200)
                .extract().jsonPath().getList("reasons.find { it.code == 'COLD_SORE_HISTORY' }.evidence", String.class);
        assertThat(evidence).isNotEmpty();
        return String.join("; ", evidence);
    }
}
