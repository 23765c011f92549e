package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import org.microneedling.screening.Questionnaires;

/**
 * Tokens from the real Keycloak: machine clients' bearer tokens are checked against the realm's keys, issuer,
 * audience and expiry; the staff session's sign-in starts the code flow with PKCE; a forged session cookie is no
 * session. Each refusal is a 401 problem, never a 500.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class KeycloakTokenTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void keycloak() {
        KeycloakRealm.assumeRunning();
    }

    @Test
    void aBookingToolsTokenScreensForItsClinic() {
        given().auth().oauth2(KeycloakRealm.clientToken(KeycloakRealm.BOOKING_TOOL, KeycloakRealm.BOOKING_TOOL_SECRET))
                .contentType(ContentType.JSON).body(Questionnaires.eligible().json())
                .post("/api/v1/screenings")
                .then().statusCode(200)
                .body("ruleset.policy.clinicId", equalTo("lakeside"));
    }

    @Test
    void aPersonsTokenNamesThePersonTheirClinicAndTheirRoles() {
        given().auth().oauth2(KeycloakRealm.personToken("harbor-provider"))
                .get("/api/v1/me")
                .then().statusCode(200)
                .body("name", equalTo("Ines Moreau"))
                .body("clinicId", equalTo("harbor"))
                .body("roles", hasItem("provider"));
    }

    @Test
    void aMedicalDirectorsPolicyActionsNameHer() {
        String director = KeycloakRealm.personToken("harbor-director");
        int version = given().auth().oauth2(director).contentType(ContentType.JSON)
                .body("{\"parameters\": {\"radiationWindowMonths\": 6}, \"note\": \"Six months\"}")
                .post("/api/v1/policies")
                .then().statusCode(201)
                .body("createdByName", equalTo("Helen Brandt"))
                .body("createdBy", matchesPattern("[0-9a-f-]{36}"))
                .extract().path("version");
        given().auth().oauth2(director).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/policies/" + version + "/activation")
                .then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("approvedByName", equalTo("Helen Brandt"));
        given().auth().oauth2(KeycloakRealm.personToken("harbor-director")).get("/api/v1/policies/" + version)
                .then().statusCode(200).body("approvedByName", equalTo("Helen Brandt"));
    }

    @Test
    void aTokenWithAForgedSignatureIsRefused() {
        String token = KeycloakRealm.clientToken(KeycloakRealm.BOOKING_TOOL, KeycloakRealm.BOOKING_TOOL_SECRET);
        int signature = token.lastIndexOf('.') + 1;
        String forged = token.substring(0, signature) + (token.charAt(signature) == 'A' ? 'B' : 'A')
                + token.substring(signature + 1);
        refused(forged);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        refused(KeycloakRealm.otherRealmToken());
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(KeycloakRealm.clientToken(KeycloakRealm.OTHER_AUDIENCE, KeycloakRealm.OTHER_AUDIENCE_SECRET));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = KeycloakRealm.clientToken(KeycloakRealm.SHORT_LIVED, KeycloakRealm.SHORT_LIVED_SECRET);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        KeycloakRealm.sleep(Duration.ofSeconds(4));
        refused(token);
    }

    @Test
    void signInStartsTheCodeFlowWithPkceAtTheClinicsProvider() {
        given().redirects().follow(false).get("/auth/sign-in")
                .then().statusCode(302)
                .header("Location", startsWith(KeycloakRealm.URL + "/protocol/openid-connect/auth?"))
                .header("Location", containsString("code_challenge_method=S256"))
                .header("Location", containsString("prompt=login"))
                .header("Location", containsString("client_id=frontdesk"));
    }

    @Test
    void aForgedSessionCookieIsRefusedAndDropped() {
        given().cookie("q_session", "eyJhbGciOiJkaXIifQ.not.a.session").get("/api/v1/me")
                .then().statusCode(401).contentType(PROBLEM)
                .header("Set-Cookie", containsString("q_session=;"))
                .header("Set-Cookie", containsString("Max-Age=0"));
        given().get("/api/v1/session")
                .then().statusCode(200)
                .body("signInAvailable", equalTo(true))
                .body("signedIn", equalTo(false))
                .body("csrfToken", nullValue());
    }

    private static void refused(String token) {
        given().auth().oauth2(token).get("/api/v1/me")
                .then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("urn:microneedling-screening:problem:unauthorized"));
    }
}
