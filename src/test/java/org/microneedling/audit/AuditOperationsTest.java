package org.microneedling.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditOperationsTest {

    @Inject
    DecisionLog decisionLog;

    @Test
    void verificationReportsAnIntactChain() {
        decisionLog.append(List.of(AuditEntries.entry(), AuditEntries.entry()));

        given().when().get("/api/v1/audit/verification")
                .then().statusCode(200)
                .contentType("application/json")
                .body("intact", equalTo(true))
                .body("records", greaterThanOrEqualTo(2))
                .body("chains.chainId", hasItem("main"));
    }

    @Test
    void readinessIncludesTheAuditStore() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'audit-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'audit-store' }.data.engine", equalTo("JOURNAL"));
    }

    @Test
    void commitsAreCountedAsMetrics() {
        decisionLog.append(List.of(AuditEntries.entry()));

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("audit_commits_total"))
                .body(containsString("audit_records_total"))
                .body(containsString("audit_queue_entries"));
    }
}
