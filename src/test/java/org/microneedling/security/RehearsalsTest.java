package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With authentication on: the warm-up's key screens without a record while it is open, on that endpoint alone; any
 * other value of its header, the key on another endpoint, or the key once closed, is refused like an unknown API key.
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
            // Only the one endpoint that never records a rehearsal takes the key; everywhere else it is refused.
            given().header(Rehearsals.HEADER, key).get("/api/v1/audit/verification").then().statusCode(401);
            given().header(Rehearsals.HEADER, key).get(SCREENINGS + "/" + screeningId).then().statusCode(401);
            given().contentType("application/json").header(Rehearsals.HEADER, key)
                    .body("[" + SampleRequests.ELIGIBLE + "]").post(SCREENINGS + "/batch").then().statusCode(401);
            // The same path with a FHIR body goes to the QuestionnaireResponse resource, which records what it screens.
            given().contentType("application/fhir+json").header(Rehearsals.HEADER, key)
                    .body(SampleRequests.ELIGIBLE).post(SCREENINGS).then().statusCode(401);
        } finally {
            rehearsals.close();
        }
        given().header(ApiKeyAuthenticationMechanism.HEADER, TestCredentials.ADMIN_KEY)
                .get(SCREENINGS + "/" + screeningId).then().statusCode(404);
    }

    @Test
    void aRehearsalLeavesNoAccessLineWhereAClientsRequestLeavesOne() throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger access = LogContext.getLogContext().getLogger(AccessLog.CATEGORY);
        access.addHandler(capture);
        try {
            String key = rehearsals.open();
            try {
                given().contentType("application/json").header(Rehearsals.HEADER, key).body(SampleRequests.ELIGIBLE)
                        .post(SCREENINGS).then().statusCode(200);
            } finally {
                rehearsals.close();
            }
            given().contentType("application/json")
                    .header(ApiKeyAuthenticationMechanism.HEADER, TestCredentials.SCREENING_KEY)
                    .body(SampleRequests.ELIGIBLE).post(SCREENINGS).then().statusCode(200);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (lines.stream().noneMatch(line -> line.contains("client=" + TestCredentials.SCREENING_CLIENT))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            access.removeHandler(capture);
        }
        assertThat(lines).anyMatch(line -> line.startsWith("POST " + SCREENINGS + " 200 client="
                + TestCredentials.SCREENING_CLIENT));
        assertThat(lines).noneMatch(line -> line.contains("client=" + Rehearsals.CLIENT_ID));
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
