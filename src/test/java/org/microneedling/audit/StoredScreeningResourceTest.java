package org.microneedling.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StoredScreeningResourceTest {

    @Inject
    DecisionLog decisionLog;

    @Test
    void storedResultIsReturnedByteForByte() {
        AuditEntry entry = AuditEntries.entry();
        decisionLog.append(List.of(entry));

        byte[] body = given().when().get("/api/v1/screenings/{id}", entry.screeningId())
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .extract().asByteArray();

        assertThat(body).isEqualTo(entry.result().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void upperCaseIdFindsTheSameRecord() {
        AuditEntry entry = AuditEntries.entry();
        decisionLog.append(List.of(entry));

        given().when().get("/api/v1/screenings/{id}", entry.screeningId().toString().toUpperCase())
                .then().statusCode(200);
    }

    @Test
    void unknownIdIs404Problem() {
        given().when().get("/api/v1/screenings/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("urn:microneedling-screening:problem:not-found"));
    }

    @Test
    void malformedIdIs400NamingScreeningId() {
        given().when().get("/api/v1/screenings/{id}", "not-a-uuid")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("screeningId"));
    }

    @Test
    void shortUuidFormIsRejected() {
        given().when().get("/api/v1/screenings/{id}", "1-2-3-4-5")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("screeningId"));
    }
}
