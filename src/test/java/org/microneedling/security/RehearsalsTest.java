package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With authentication on: the warm-up's key screens without a record while it is open and does nothing else; any other
 * value of its header, or the key once closed, is refused like an unknown API key.
 */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class RehearsalsTest {

    private static final String SCREENINGS = "/api/v1/screenings";

    @Inject
    Rehearsals rehearsals;

    @BeforeEach
    void awaitReadiness() throws InterruptedException {
        AuthenticationTest.awaitAuditStore();
    }

    @Test
    void theOpenKeyScreensWithoutARecordAndNothingMore() {
        String key = rehearsals.open();
        String screeningId;
        try {
            screeningId = given().contentType("application/json").header(Rehearsals.HEADER, key)
                    .body(SampleRequests.ELIGIBLE).post(SCREENINGS)
                    .then().statusCode(200).body("outcome", equalTo("ELIGIBLE")).extract().path("screeningId");
            given().header(Rehearsals.HEADER, key).get("/api/v1/audit/verification").then().statusCode(403);
            given().header(Rehearsals.HEADER, key).get(SCREENINGS + "/" + screeningId).then().statusCode(403);
        } finally {
            rehearsals.close();
        }
        given().header(ApiKeyAuthenticationMechanism.HEADER, TestCredentials.ADMIN_KEY)
                .get(SCREENINGS + "/" + screeningId).then().statusCode(404);
    }

    @Test
    void anyOtherValueOrAClosedKeyIsRefused() {
        given().contentType("application/json").header(Rehearsals.HEADER, "0".repeat(64))
                .header(ApiKeyAuthenticationMechanism.HEADER, TestCredentials.SCREENING_KEY)
                .body(SampleRequests.ELIGIBLE).post(SCREENINGS)
                .then().statusCode(401).contentType("application/problem+json");
        String key = rehearsals.open();
        rehearsals.close();
        given().contentType("application/json").header(Rehearsals.HEADER, key).body(SampleRequests.ELIGIBLE)
                .post(SCREENINGS).then().statusCode(401);
    }
}
