package org.microneedling.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** A small budget (1 request per second, burst 5) so that a short loop exhausts it. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBudget.class)
class RateLimitTest {

    private static final int BURST = 5;

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "screening.auth.enabled", "true",
                    "screening.auth.api-keys-file", TestCredentials.KEY_FILE.toString(),
                    "screening.rate-limit.requests-per-second", "1",
                    "screening.rate-limit.burst", String.valueOf(BURST),
                    "audit.db.url", "jdbc:h2:mem:rate-limit-test");
        }
    }

    @Test
    void aClientOverItsBudgetGets429WithRetryAfterWhileAnotherClientIsServed() {
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 4 * BURST; i++) {
            responses.add(AuthenticationTest.withKey(TestCredentials.SCREENING_KEY).get("/api/v1/rules"));
        }

        Response limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no 429 among " + responses.stream().map(Response::statusCode).toList()));
        assertThat(responses.get(0).statusCode()).isEqualTo(200);
        limited.then()
                .contentType("application/problem+json")
                .header("Cache-Control", equalTo("no-store"))
                .body("status", equalTo(429))
                .body("type", equalTo("urn:microneedling-screening:problem:too-many-requests"));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();

        AuthenticationTest.withKey(TestCredentials.SECOND_SCREENING_KEY).get("/api/v1/rules").then().statusCode(200);
    }

    @Test
    void screeningsCountAgainstTheSameBudget() throws InterruptedException {
        AuthenticationTest.awaitAuditStore();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4 * BURST; i++) {
            statuses.add(AuthenticationTest.screen(AuthenticationTest.withKey(TestCredentials.ADMIN_KEY)).statusCode());
        }

        assertThat(statuses).contains(200, 429).containsOnly(200, 429);
    }
}
