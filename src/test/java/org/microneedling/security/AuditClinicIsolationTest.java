package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microneedling.audit.AuditEntries;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.DecisionLog;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The audit endpoints as clinics see them: a clinic reads back only its own screenings, and another clinic's id is
 * answered exactly like an id never recorded; verification counts only the caller's clinic's records. Lives with the
 * security tests because it needs their trusted JWT key (the clinic is the token's {@code tenant} claim).
 */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class AuditClinicIsolationTest {

    @Inject
    DecisionLog decisionLog;

    /** Clinics of this test alone: the database is shared by every test of the profile. */
    private final String clinicA = "iso-a-" + UUID.randomUUID().toString().substring(0, 8);
    private final String clinicB = "iso-b-" + UUID.randomUUID().toString().substring(0, 8);

    /** Under load the audit schema can still be migrating when the first test starts; appends would time out. */
    @BeforeEach
    void waitUntilReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static String auditorOf(String clinic) {
        return TestCredentials.claims("auditor-" + clinic, Set.of(Roles.AUDIT)).claim("tenant", clinic)
                .sign(TestCredentials.TRUSTED.getPrivate());
    }

    private static Response read(String token, UUID id) {
        return given().auth().oauth2(token).get("/api/v1/screenings/{id}", id);
    }

    @Test
    void anotherClinicsScreeningIsAnsweredExactlyLikeAnUnknownId() {
        AuditEntry screeningOfA = AuditEntries.record(AuditEntry.SCREENING, clinicA, Instant.now());
        decisionLog.append(List.of(screeningOfA));
        UUID unknown = AuditEntries.timeOrderedId();

        Response foreign = read(auditorOf(clinicB), screeningOfA.screeningId());
        Response missing = read(auditorOf(clinicB), unknown);

        assertThat(foreign.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
        assertThat(foreign.contentType()).isEqualTo(missing.contentType());
        assertThat(foreign.asString().replace(screeningOfA.screeningId().toString(), "ID"))
                .isEqualTo(missing.asString().replace(unknown.toString(), "ID"));
        assertThat(read(auditorOf(clinicA), screeningOfA.screeningId()).then().statusCode(200).extract().asString())
                .isEqualTo(screeningOfA.result());
    }

    @Test
    void aRecordThatIsNotAScreeningIsNotFoundEvenByItsOwnClinic() {
        AuditEntry policyOfA = AuditEntries.record("policy", clinicA, Instant.now());
        decisionLog.append(List.of(policyOfA));

        read(auditorOf(clinicA), policyOfA.screeningId()).then().statusCode(404);
    }

    @Test
    void verificationCountsOnlyTheCallersClinicAndHidesEveryClinicsVolume() {
        decisionLog.append(List.of(AuditEntries.record(AuditEntry.SCREENING, clinicA, Instant.now()),
                AuditEntries.record("policy", clinicA, Instant.now()),
                AuditEntries.record(AuditEntry.SCREENING, clinicB, Instant.now())));

        Map<String, Object> ofA = given().auth().oauth2(auditorOf(clinicA)).get("/api/v1/audit/verification")
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(ofA).containsEntry("intact", true).containsEntry("records", 2);
        assertThat(chain(ofA)).containsEntry("records", 2).doesNotContainKeys("anchorSequence", "lastSequence",
                "headHash");

        Map<String, Object> ofDefault = given().auth().oauth2(TestCredentials.token("operator", Set.of(Roles.AUDIT)))
                .get("/api/v1/audit/verification").then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(chain(ofDefault)).containsKeys("anchorSequence", "lastSequence", "headHash");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chain(Map<String, Object> verification) {
        List<Map<String, Object>> chains = (List<Map<String, Object>>) verification.get("chains");
        assertThat(chains).hasSize(1);
        return chains.get(0);
    }
}
