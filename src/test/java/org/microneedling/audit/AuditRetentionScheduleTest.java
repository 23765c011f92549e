package org.microneedling.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The retention purge runs on its own on the scheduler, and leaves a chain that still verifies. */
@QuarkusTest
@TestProfile(AuditRetentionScheduleTest.PurgeEverySecond.class)
class AuditRetentionScheduleTest {

    /** Keeps nothing, purges every second, in a folder of its own so no other test's records are purged. */
    public static class PurgeEverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "true", "audit.retention-days", "0",
                    "audit.purge-initial-delay", "0s", "audit.purge-interval", "1s",
                    "audit.data-dir", "target/test-audit-retention/" + UUID.randomUUID());
        }
    }

    @Inject
    DecisionLog decisionLog;

    @Test
    void recordsOlderThanTheRetentionArePurgedWithoutAnyoneAsking() throws InterruptedException {
        AuditEntry entry = AuditEntries.entry();
        decisionLog.append(List.of(entry, AuditEntries.entry()));

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (decisionLog.findResult(entry.screeningId(), entry.clinicOrDefault()).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertThat(decisionLog.findResult(entry.screeningId(), entry.clinicOrDefault())).as("purged by the scheduled job").isEmpty();
        int anchor = given().when().get("/api/v1/audit/verification")
                .then().statusCode(200)
                .body("intact", org.hamcrest.Matchers.equalTo(true))
                .extract().path("chains[0].anchorSequence");
        assertThat(anchor).isGreaterThanOrEqualTo(2);
    }
}
