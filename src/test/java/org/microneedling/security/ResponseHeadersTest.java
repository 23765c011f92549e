package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class ResponseHeadersTest {

    static Stream<Arguments> apiResponses() {
        return Stream.of(
                Arguments.of(200, (Call) () -> AuthenticationTest.screen(
                        AuthenticationTest.withKey(TestCredentials.SCREENING_KEY))),
                Arguments.of(401, (Call) () -> AuthenticationTest.screen(given())),
                Arguments.of(403, (Call) () -> AuthenticationTest.withKey(TestCredentials.SCREENING_KEY)
                        .get("/api/v1/audit/verification")),
                Arguments.of(400, (Call) () -> AuthenticationTest.withKey(TestCredentials.SCREENING_KEY)
                        .contentType("application/json").body("{\"patient\":").post("/api/v1/screenings")),
                Arguments.of(413, (Call) () -> AuthenticationTest.withKey(TestCredentials.SCREENING_KEY)
                        .contentType("application/json").body("[" + " ".repeat(70_000) + "]")
                        .post("/api/v1/screenings")),
                Arguments.of(415, (Call) () -> AuthenticationTest.withKey(TestCredentials.SCREENING_KEY)
                        .contentType("text/plain").body("hello").post("/api/v1/screenings")),
                Arguments.of(404, (Call) () -> AuthenticationTest.withKey(TestCredentials.AUDIT_KEY)
                        .get("/api/v1/screenings/3f1c2a9e-6d1b-4f7e-9a61-0b8f2f5d7c11")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiResponses")
    void everyApiResponseForbidsCachingSniffingAndFraming(int status, Call call) {
        call.send().then().statusCode(status)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Strict-Transport-Security", nullValue());
    }

    @Test
    void thePageMayLoadOnlyFromItsOwnOriginAndNeverBeFramed() {
        given().get("/").then()
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("object-src 'none'"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void httpsAsForwardedByTheProxyGetsHsts() {
        AuthenticationTest.withKey(TestCredentials.SCREENING_KEY).header("X-Forwarded-Proto", "https")
                .get("/api/v1/rules")
                .then().statusCode(200)
                .header("Strict-Transport-Security", equalTo(SecurityHeaders.HSTS));
        given().header("X-Forwarded-Proto", "https").get("/q/health/live")
                .then().header("Strict-Transport-Security", equalTo(SecurityHeaders.HSTS));
    }

    @Test
    void aConfiguredOriginMayCallTheApiFromABrowser() {
        given().header("Origin", AuthEnabledProfile.ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key")
                .options("/api/v1/screenings")
                .then().header("Access-Control-Allow-Origin", equalTo(AuthEnabledProfile.ALLOWED_ORIGIN));
    }

    @Test
    void anyOtherOriginGetsNoCorsHeaders() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/screenings")
                .then().header("Access-Control-Allow-Origin", nullValue());
        AuthenticationTest.withKey(TestCredentials.SCREENING_KEY).header("Origin", "https://evil.example")
                .get("/api/v1/rules")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @FunctionalInterface
    interface Call {
        Response send();
    }
}
