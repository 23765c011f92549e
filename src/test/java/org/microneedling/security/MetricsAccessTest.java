package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Metrics show the whole instance's decision volume and every endpoint's traffic: only the operator reads them, and
 * nothing a caller sends before being authenticated or matched becomes a tag (a screening id, or enough junk paths to
 * crowd the real endpoints out of the tag limit).
 */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class MetricsAccessTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void withoutCredentialsMetricsAre401Problem() {
        given().get("/q/metrics").then().statusCode(401).contentType(PROBLEM_JSON)
                .body("status", equalTo(401)).header("WWW-Authenticate", containsString("ApiKey"));
    }

    @Test
    void onlyTheOperatorReadsMetrics() {
        AuthenticationTest.withKey(TestCredentials.SCREENING_KEY).get("/q/metrics").then().statusCode(403)
                .contentType(PROBLEM_JSON);
        AuthenticationTest.withKey(TestCredentials.AUDIT_KEY).get("/q/metrics").then().statusCode(403);
        AuthenticationTest.withKey(TestCredentials.ADMIN_KEY).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void pathsOfUnauthenticatedOrUnmatchedRequestsAreNotTags() {
        String mark = "junk" + UUID.randomUUID().toString().substring(0, 8);
        String screeningId = UUID.randomUUID().toString();
        for (int i = 0; i < 20; i++) {
            // A key that fails is refused before any route is matched; no credentials on an unknown path is a 404.
            AuthenticationTest.withKey("wrong-" + mark).get("/api/v1/" + mark + "-" + i).then().statusCode(401);
            given().get("/api/v1/" + mark + "-n" + i).then().statusCode(404);
            AuthenticationTest.withKey(TestCredentials.SCREENING_KEY).get("/api/v1/" + mark + "-x" + i)
                    .then().statusCode(404);
        }
        given().get("/api/v1/screenings/" + screeningId).then().statusCode(401);
        AuthenticationTest.withKey("wrong-" + mark).get("/api/v1/screenings/" + screeningId).then().statusCode(401);
        AuthenticationTest.withKey(TestCredentials.SCREENING_KEY).get("/api/v1/screenings/" + screeningId)
                .then().statusCode(403);
        AuthenticationTest.withKey(TestCredentials.SCREENING_KEY).put("/api/v1/screenings/" + screeningId)
                .then().statusCode(405);
        AuthenticationTest.screen(AuthenticationTest.withKey(TestCredentials.SCREENING_KEY)).then().statusCode(200);

        String metrics = AuthenticationTest.withKey(TestCredentials.ADMIN_KEY).get("/q/metrics").then()
                .statusCode(200).extract().asString();

        assertThat(metrics).contains("http_server_requests_seconds_count{").contains("uri=\"/api/v1/screenings\"");
        assertThat(metrics).doesNotContain(mark).doesNotContain(screeningId);
    }
}
