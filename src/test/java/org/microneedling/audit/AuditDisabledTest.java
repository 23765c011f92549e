package org.microneedling.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(AuditDisabledTest.Disabled.class)
class AuditDisabledTest {

    /** Also carries keys this version does not know, which must not stop the service from starting. */
    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("audit.enabled", "false", "audit.some-future-option", "on", "audit.db.unknown", "x");
        }
    }

    @Inject
    DecisionLog decisionLog;

    @Test
    void appendRecordsNothingAndReadBackFindsNothing() {
        AuditEntry entry = AuditEntries.entry();

        decisionLog.append(List.of(entry));

        assertThat(decisionLog.findResult(entry.screeningId(), entry.clinicOrDefault())).isEmpty();
        given().when().get("/api/v1/screenings/{id}", entry.screeningId()).then().statusCode(404);
    }

    @Test
    void noViewOfTheTrailIsToldOfADecisionThatWasNotRecorded() {
        List<List<AuditEntry>> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        decisionLog.onCommitted(shown::add);

        decisionLog.append(List.of(AuditEntries.entry()));
        decisionLog.appendAsync(List.of(AuditEntries.entry())).toCompletableFuture().join();

        assertThat(shown).isEmpty();
    }

    @Test
    void theWarmUpGetsNoScratchJournal() throws java.io.IOException {
        assertThat(decisionLog.openRehearsal()).isEmpty();
    }

    @Test
    void verificationSaysTheAuditIsOff() {
        given().when().get("/api/v1/audit/verification").then().statusCode(503);
    }

    @Test
    void readinessStaysUpAndSaysDisabled() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'audit-store' }.data.enabled", equalTo(false));
    }
}
