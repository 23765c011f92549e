package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Without an identity provider configured, nothing of sign-in is in the way: the page learns that it asks for an API
 * key as before, and the sign-in paths answer without a session and without a 500.
 */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class SignInOffTest {

    @Test
    void thePageLearnsThatThereIsNoSignIn() {
        given().get("/api/v1/session")
                .then().statusCode(200)
                .body("signInAvailable", equalTo(false))
                .body("signedIn", equalTo(false))
                .body("csrfToken", nullValue());
    }

    @Test
    void theSignInPathAsksForCredentialsInsteadOfRedirecting() {
        given().redirects().follow(false).get("/auth/sign-in")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theSignOutPathSendsTheBrowserBackToThePage() {
        given().redirects().follow(false).get("/auth/sign-out")
                .then().statusCode(303).header("Location", equalTo("/"));
    }

    @Test
    void anApiKeyCallerNeedsNoCsrfToken() {
        given().header("X-API-Key", TestCredentials.SCREENING_KEY).contentType("application/json").body("{}")
                .post("/api/v1/screenings")
                .then().statusCode(400);
    }
}
