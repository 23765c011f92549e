package org.microneedling.frontdesk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import org.microneedling.security.KeycloakProfile;
import org.microneedling.security.KeycloakRealm;

/**
 * Staff sign in through the real Keycloak's own login form in headless Chromium: the page shows who is signed in,
 * records their name on what they screen, keeps one clinic's person out of another's records, signs them out after
 * the idle timeout without losing what they typed, and signs them out of the provider too.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class StaffSignInBrowserTest extends BrowserTest {

    private static final String JWT = "eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+";

    @BeforeAll
    static void openBrowser() {
        KeycloakRealm.assumeRunning();
        startBrowser("en-US");
    }

    @BeforeEach
    void signedOut() {
        // Cookies do not tell ports apart, and Keycloak's have paths of their own: the whole jar is cleared.
        browser.driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.driver().get(root.toString());
        browser.driver().executeScript("sessionStorage.clear(); localStorage.clear();");
    }

    @Test
    void aReceptionistSignsInScreensAPatientAndTheRecordNamesHer() {
        FrontDeskPage page = signIn("lakeside-reception", KeycloakRealm.PASSWORD);
        assertThat(browser.driver().findElement(By.id("signed-in-as")).getText())
                .isEqualTo("Signed in as Rosa Lindqvist · clinic lakeside");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(root.toString());

        page.healthyBaseline().submit();
        assertThat(page.outcome()).isEqualTo("ELIGIBLE");
        assertThat(page.result().findElement(By.cssSelector("[data-field='screenedBy']")).getText())
                .isEqualTo("Rosa Lindqvist");
        String screeningId = page.result().findElement(By.cssSelector("[data-field='screeningId']")).getText();
        // The receptionist may not read records back; the clinic's medical director (with the audit role) may.
        given().auth().oauth2(KeycloakRealm.personToken("lakeside-director"))
                .get(root + "api/v1/screenings/" + screeningId)
                .then().statusCode(200)
                .body("screenedBy.name", equalTo("Rosa Lindqvist"))
                .body("screenedBy.id", matchesPattern("[0-9a-f-]{36}"))
                .body("ruleset.policy.clinicId", equalTo("lakeside"));

        List<Cookie> session = browser.driver().manage().getCookies().stream()
                .filter(cookie -> cookie.getName().startsWith("q_session")).toList();
        assertThat(session).as("the OIDC session cookie, in chunks when large").isNotEmpty().allSatisfy(cookie -> {
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.getSameSite()).isEqualTo("Lax");
        });
        Cookie activity = browser.driver().manage().getCookieNamed("screening-activity");
        assertThat(activity.isHttpOnly()).isTrue();
        assertThat(activity.getSameSite()).isEqualTo("Strict");
        assertThat(String.valueOf(page.script("return document.cookie;"))).doesNotContain("q_session");
        io.restassured.specification.RequestSpecification behindTls = given().header("X-Forwarded-Proto", "https");
        for (Cookie cookie : browser.driver().manage().getCookies()) {
            behindTls = behindTls.cookie(cookie.getName(), cookie.getValue());
        }
        assertThat(behindTls.get(root + "api/v1/session").then().statusCode(200).extract().header("Set-Cookie"))
                .as("the renewed idle deadline, behind https").contains("screening-activity=").contains("Secure")
                .contains("HTTPOnly").contains("SameSite=Strict");
        assertThat(String.valueOf(page.script("return JSON.stringify(Object.assign({}, localStorage)) + "
                + "JSON.stringify(Object.assign({}, sessionStorage));"))).doesNotContainPattern(JWT);
    }

    @Test
    void aChangeWithoutThePagesCsrfTokenIsRefused() {
        FrontDeskPage page = signIn("lakeside-reception", KeycloakRealm.PASSWORD);
        @SuppressWarnings("unchecked")
        Map<String, Object> refused = (Map<String, Object>) page.script("""
                return fetch('api/v1/screenings', {method: 'POST', headers: {'Content-Type': 'application/json'},
                    body: JSON.stringify({})}).then(async r => ({status: r.status, body: await r.json()}));""");
        assertThat(refused.get("status")).isEqualTo(403L);
        assertThat(((Map<?, ?>) refused.get("body")).get("detail").toString()).contains("X-CSRF-Token");
        @SuppressWarnings("unchecked")
        Map<String, Object> accepted = (Map<String, Object>) page.script("""
                return fetch('api/v1/session').then(r => r.json()).then(s => fetch('api/v1/screenings', {
                    method: 'POST', headers: {'Content-Type': 'application/json', [s.csrfHeader]: s.csrfToken},
                    body: JSON.stringify({})})).then(r => ({status: r.status}));""");
        assertThat(accepted.get("status")).as("past the CSRF check, the empty questionnaire is a 400").isEqualTo(400L);
        browser.severeLogEntries();
    }

    @Test
    void aWrongPasswordStaysOut() {
        browser.driver().get(root.toString());
        clickSignIn();
        submitLoginForm("lakeside-reception", "not-the-password");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions
                .textToBePresentInElementLocated(By.tagName("body"), "Invalid username or password"));
        assertThat(browser.driver().manage().getCookies()).noneMatch(cookie -> cookie.getName().startsWith("q_session"));
        browser.driver().get(root.toString());
        waitForSignInPanel();
        @SuppressWarnings("unchecked")
        Map<String, Object> session = (Map<String, Object>) new FrontDeskPage(browser.driver())
                .script("return fetch('api/v1/session').then(r => r.json());");
        assertThat(session.get("signedIn")).isEqualTo(false);
        browser.severeLogEntries();
    }

    @Test
    void aPersonOfOneClinicNeverSeesAnotherClinicsScreening() {
        FrontDeskPage lakeside = signIn("lakeside-reception", KeycloakRealm.PASSWORD);
        lakeside.healthyBaseline().submit();
        String lakesideScreening = lakeside.result().findElement(By.cssSelector("[data-field='screeningId']"))
                .getText();
        signOut();

        // Harbor's medical director may read records back (the audit role): only Harbor's.
        FrontDeskPage harbor = signIn("harbor-director", KeycloakRealm.PASSWORD);
        assertThat(browser.driver().findElement(By.id("signed-in-as")).getText()).contains("clinic harbor");
        @SuppressWarnings("unchecked")
        Map<String, Object> foreign = (Map<String, Object>) harbor.script("""
                return fetch('api/v1/screenings/' + arguments[0]).then(async r => ({status: r.status,
                    body: await r.text()}));""", lakesideScreening);
        @SuppressWarnings("unchecked")
        Map<String, Object> unknown = (Map<String, Object>) harbor.script("""
                return fetch('api/v1/screenings/' + arguments[0]).then(async r => ({status: r.status,
                    body: await r.text()}));""", "01890a5d-ac96-774b-bcce-b302099a8057");
        assertThat(foreign.get("status")).isEqualTo(404L);
        assertThat(foreign.get("body").toString().replace(lakesideScreening, "ID"))
                .isEqualTo(unknown.get("body").toString().replace("01890a5d-ac96-774b-bcce-b302099a8057", "ID"));
        browser.severeLogEntries();
    }

    @Test
    void afterTheIdleTimeoutThePageAsksToSignInAgainAndKeepsWhatWasTyped() {
        FrontDeskPage page = signIn("lakeside-provider", KeycloakRealm.PASSWORD);
        page.date("patient.dateOfBirth", "1984-03-09").answer("patient.pregnant", "NO");

        KeycloakRealm.sleep(Duration.ofSeconds(KeycloakProfile.IDLE_SECONDS + 3));
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-reason")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(browser.severeLogEntries() + " " + browser.driver().getCurrentUrl() + ": "
                    + browser.driver().findElement(By.tagName("body")).getText(), e);
        }
        assertThat(browser.driver().findElements(By.name("patient.pregnant")))
                .as("nothing of the patient stays on an unattended screen").isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> refused = (Map<String, Object>) page.script("""
                return fetch('api/v1/me').then(async r => ({status: r.status, body: await r.json()}));""");
        assertThat(refused.get("status")).isEqualTo(401L);
        assertThat(((Map<?, ?>) refused.get("body")).get("type")).isEqualTo(
                "urn:microneedling-screening:problem:session-expired");
        browser.severeLogEntries();

        clickSignIn();
        submitLoginForm("lakeside-provider", KeycloakRealm.PASSWORD);
        page.waitForQuestionnaire();
        assertThat(browser.driver().findElement(By.name("patient.dateOfBirth")).getAttribute("value"))
                .isEqualTo("1984-03-09");
        assertThat(browser.driver().findElement(By.cssSelector("input[name='patient.pregnant'][value='NO']"))
                .isSelected()).isTrue();
        assertThat(page.script("return sessionStorage.getItem('microneedling.frontdesk.draft');")).isNull();
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheProvider() {
        signIn("harbor-director", KeycloakRealm.PASSWORD);
        // Other tests of the class leave sessions of their own: this one's must be the one that ends.
        int sessions = KeycloakRealm.sessionsOf("harbor-director");
        assertThat(sessions).isPositive();
        signOut();
        assertThat(browser.driver().manage().getCookies()).noneMatch(cookie -> cookie.getName().startsWith("q_session"));
        assertThat(KeycloakRealm.sessionsOf("harbor-director")).isEqualTo(sessions - 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> session = (Map<String, Object>) new FrontDeskPage(browser.driver())
                .script("return fetch('api/v1/session').then(r => r.json());");
        assertThat(session.get("signedIn")).isEqualTo(false);
    }

    private FrontDeskPage signIn(String username, String password) {
        browser.driver().get(root.toString());
        clickSignIn();
        submitLoginForm(username, password);
        return new FrontDeskPage(browser.driver()).waitForQuestionnaire();
    }

    private void clickSignIn() {
        waitForSignInPanel().click();
    }

    private org.openqa.selenium.WebElement waitForSignInPanel() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(By.id("sign-in-link")));
    }

    private void submitLoginForm(String username, String password) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No login form at " + browser.driver().getCurrentUrl() + ": "
                    + browser.driver().findElement(By.tagName("body")).getText(), e);
        }
        // While the provider's own session lasts, it asks only for the password again (prompt=login).
        List<org.openqa.selenium.WebElement> usernames = browser.driver().findElements(By.id("username"));
        if (!usernames.isEmpty() && usernames.get(0).isDisplayed()) {
            usernames.get(0).sendKeys(username);
        }
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.id("kc-login")).click();
    }

    private void signOut() {
        browser.driver().findElement(By.id("sign-out-link")).click();
        waitForSignInPanel();
    }
}
