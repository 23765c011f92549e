package org.microneedling.frontdesk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import org.microneedling.security.KeycloakProfile;
import org.microneedling.security.KeycloakRealm;

/**
 * From a referral to a clearance through the real Keycloak's sign-in: the receptionist screens a patient who is
 * referred, the clinic's provider finds the referral in the queue with its reasons and the answers behind them and
 * clears it, and the receptionist then finds the patient cleared and bookable.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class ReviewSignInBrowserTest extends BrowserTest {

    @BeforeAll
    static void openBrowser() {
        KeycloakRealm.assumeRunning();
        startBrowser("en-US");
    }

    @BeforeEach
    void signedOut() {
        browser.driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.driver().get(root.toString());
        browser.driver().executeScript("sessionStorage.clear();");
    }

    @Test
    void aProviderClearsAReferralAndTheReceptionistThenFindsThePatientBookable() {
        String patient = "pt-" + UUID.randomUUID().toString().substring(0, 8);
        FrontDeskPage reception = signIn("lakeside-reception");
        ReviewPage page = new ReviewPage(browser.driver());
        assertThat(page.queueOffered()).as("a receptionist has no review queue").isFalse();
        reception.healthyBaseline().answer("history.coldSoreHistory", "YES").type("patientReference", patient).submit();
        assertThat(reception.outcome()).isEqualTo("REFER_TO_PROVIDER");
        String referral = reception.result().findElement(By.cssSelector("[data-field='screeningId']")).getText();
        assertThat(statusOfResult().getText()).isEqualTo("Status today: Pending review");
        signOut();

        signIn("lakeside-provider");
        page.openQueue();
        WebElement item = page.queueItem(referral);
        assertThat(item.findElement(By.tagName("h3")).getText()).isEqualTo("Referral of patient " + patient);
        WebElement reason = item.findElement(By.cssSelector("li.reason[data-code='COLD_SORE_HISTORY']"));
        assertThat(reason.findElement(By.className("reason-label")).getText()).isEqualTo("Gets cold sores");
        assertThat(reason.findElement(By.className("reason-message")).getText()).isNotBlank();
        assertThat(reason.findElement(By.className("reason-evidence")).getText())
                .isEqualTo("Patient's answers: " + String.join("; ", storedEvidence(referral)));

        LocalDate validUntil = LocalDate.now(ZoneOffset.UTC).plusDays(60);
        page.open(referral);
        assertThat(page.focused().getAttribute("id")).isEqualTo("review-detail-title");
        assertThat(page.detail().findElement(By.cssSelector("[data-field='screenedBy']")).getText())
                .isEqualTo("Rosa Lindqvist");
        page.decide("CLEARED").rationale("Antiviral cover arranged with the GP.")
                .condition("Start the antiviral two days before").validUntil(validUntil.toString()).submit();
        WebElement recorded = page.recorded();
        assertThat(recorded.getText()).startsWith("Decision recorded for patient " + patient + ": Cleared until ");
        assertThat(recorded.findElement(By.tagName("time")).getAttribute("datetime")).isEqualTo(validUntil.toString());
        assertThat(page.focused().getAttribute("id")).isEqualTo("review-status");
        assertThat(page.queuedScreenings()).doesNotContain(referral);
        signOut();

        signIn("lakeside-reception");
        assertThat(page.queueOffered()).isFalse();
        WebElement found = page.lookUp(patient);
        assertThat(found.getAttribute("data-status")).isEqualTo("CLEARED");
        assertThat(found.findElement(By.className("screening-status")).getText())
                .startsWith("Status today: Cleared until ");
        assertThat(found.findElement(By.cssSelector(".screening-status time")).getAttribute("datetime"))
                .isEqualTo(validUntil.toString());
        assertThat(found.findElement(By.className("booking")).getText()).isEqualTo("May be booked.");
        assertThat(found.findElements(By.cssSelector(".status-conditions li"))).extracting(WebElement::getText)
                .containsExactly("Start the antiviral two days before");
        assertThat(found.findElement(By.className("lookup-screening")).getText()).isEqualTo(referral);
    }

    private WebElement statusOfResult() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector("#result-status .screening-status")));
    }

    /** The answers behind the reason, as the stored screening gives them to the clinic's medical director. */
    private List<String> storedEvidence(String screeningId) {
        return given().auth().oauth2(KeycloakRealm.personToken("lakeside-director"))
                .get(root + "api/v1/screenings/" + screeningId).then().statusCode(200).extract().jsonPath()
                .getList("reasons.find { it.code == 'COLD_SORE_HISTORY' }.evidence", String.class);
    }

    private FrontDeskPage signIn(String username) {
        browser.driver().get(root.toString());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(By.id("sign-in-link"))).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        // While the provider's own session lasts, it asks only for the password again (prompt=login).
        List<WebElement> usernames = browser.driver().findElements(By.id("username"));
        if (!usernames.isEmpty() && usernames.get(0).isDisplayed()) {
            usernames.get(0).sendKeys(username);
        }
        browser.driver().findElement(By.id("password")).sendKeys(KeycloakRealm.PASSWORD);
        browser.driver().findElement(By.id("kc-login")).click();
        return new FrontDeskPage(browser.driver()).waitForQuestionnaire();
    }

    private void signOut() {
        browser.driver().findElement(By.id("sign-out-link")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(By.id("sign-in-link")));
    }
}
