package org.microneedling.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** A deadline ends with its answer: left to run, each would hold its whole request for the full timeout. */
@QuarkusTest
@TestProfile(BodyReadDeadlineReleaseTest.LongDeadline.class)
class BodyReadDeadlineReleaseTest {

    public static class LongDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("screening.http.body-read-timeout", "10m");
        }
    }

    @Test
    void anAnsweredRequestHoldsNoDeadline() {
        for (int i = 0; i < 50; i++) {
            RestAssured.given().contentType("application/json").body("{\"patient\":").post("/api/v1/screenings")
                    .then().statusCode(anyOf(is(400), is(401)));
        }
        // The access log and the answer's last bytes may still be on their way when the client has read it.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (BodyReadDeadline.armed() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(BodyReadDeadline.armed()).isZero();
    }
}
