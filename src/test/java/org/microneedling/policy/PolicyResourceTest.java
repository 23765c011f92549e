package org.microneedling.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.microneedling.screening.Questionnaires;

/**
 * A medical director's whole path through one clinic's policy, with a second clinic beside it: the draft, its
 * replay, the activation, and screenings that decide under it, while the other clinic sees none of it.
 */
@QuarkusTest
@TestProfile(ClinicKeysProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyResourceTest {

    /** Radiation therapy ended eight months before asOf: INELIGIBLE under the shipped 12-month window, not under 6. */
    private static final String EIGHT_MONTHS_AFTER_RADIATION = Questionnaires.eligible()
            .answer("history.radiationTherapy", "YES")
            .with("history.radiationTherapyEndDate", "\"2026-03-25\"")
            .json();

    private static RequestSpecification as(String key) {
        return given().header("X-API-Key", key).contentType("application/json");
    }

    private static JsonPath screen(String key) {
        return as(key).body(EIGHT_MONTHS_AFTER_RADIATION).post("/api/v1/screenings").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Test
    @Order(1)
    void everyRoleSeesTheConfigurationAsVersionZero() {
        JsonPath policy = as(ClinicKeysProfile.LAKESIDE_DESK).get("/api/v1/policy").then().statusCode(200)
                .extract().jsonPath();

        assertThat(policy.getString("clinicId")).isEqualTo("lakeside");
        assertThat(policy.getInt("version")).isZero();
        assertThat(policy.getString("status")).isEqualTo("ACTIVE");
        assertThat(policy.getMap("parameters")).containsOnlyKeys("minimumAge", "typicalAge", "radiationWindowMonths",
                "sessionIntervalDays", "isotretinoinWindowMonths", "pigmentationRiskMinimumType",
                "evaluatedNeedleDepthMm", "aspirinOutcome", "screeningValidityDays", "clearanceMaxDays");
        assertThat(policy.getInt("parameters.radiationWindowMonths")).isEqualTo(12);
        assertThat(policy.getInt("parameters.screeningValidityDays")).isEqualTo(30);
        assertThat(policy.getString("outcomes.RECENT_RADIATION")).isEqualTo("INELIGIBLE");
        assertThat(policy.getString("outcomes.COLD_SORE_HISTORY")).isEqualTo("REFER_TO_PROVIDER");
        String rulesDigest = as(ClinicKeysProfile.LAKESIDE_DESK).get("/api/v1/rules").then().statusCode(200)
                .extract().path("ruleset.digest");
        assertThat(policy.getString("digest")).isEqualTo(rulesDigest);
    }

    @Test
    @Order(2)
    void versionsAreForDirectorsAndOperatorsOnly() {
        as(ClinicKeysProfile.LAKESIDE_DESK).get("/api/v1/policies").then().statusCode(403);
        as(ClinicKeysProfile.LAKESIDE_DESK).body("{}").post("/api/v1/policies").then().statusCode(403);
        as(ClinicKeysProfile.LAKESIDE_ADMIN).get("/api/v1/policies").then().statusCode(200)
                .body("items.version", equalTo(List.of(0)));
    }

    @Test
    @Order(3)
    void anInvalidDraftNamesEveryFieldAndStoresNothing() {
        as(ClinicKeysProfile.LAKESIDE_DIRECTOR)
                .body("{\"parameters\": {\"minimumAge\": \"18\", \"radiationWindowMonths\": 500}, "
                        + "\"outcomes\": {\"ECZEMA\": \"ELIGIBLE\"}, \"createdBy\": \"someone else\"}")
                .post("/api/v1/policies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("parameters.minimumAge", "parameters.radiationWindowMonths",
                        "outcomes.ECZEMA", "createdBy"));
        as(ClinicKeysProfile.LAKESIDE_DIRECTOR).body("{\"parameters\": ").post("/api/v1/policies")
                .then().statusCode(400).contentType("application/problem+json");
        as(ClinicKeysProfile.LAKESIDE_DIRECTOR).get("/api/v1/policies").then().statusCode(200)
                .body("items.version", equalTo(List.of(0)));
    }

    @Test
    @Order(4)
    void aDraftIsRecordedAndNamedByItsLocation() {
        Response created = as(ClinicKeysProfile.LAKESIDE_DIRECTOR)
                .body("{\"parameters\": {\"radiationWindowMonths\": 6}, \"note\": \"Six months, as the dermatology "
                        + "group recommends\"}")
                .post("/api/v1/policies");

        created.then().statusCode(201).header("Location", containsString("/api/v1/policies/1"))
                .body("clinicId", equalTo("lakeside"))
                .body("version", equalTo(1))
                .body("status", equalTo("DRAFT"))
                .body("createdBy", equalTo("lakeside-director"))
                .body("parameters.radiationWindowMonths", equalTo(6))
                .body("parameters.minimumAge", equalTo(18))
                .body("approvedBy", nullValue());
        as(ClinicKeysProfile.LAKESIDE_ADMIN).get("/api/v1/policies/1").then().statusCode(200)
                .body("note", equalTo("Six months, as the dermatology group recommends"));
    }

    @Test
    @Order(5)
    void replayShowsWhatTheDraftWouldChangeAndChangesNothing() {
        JsonPath before = screen(ClinicKeysProfile.LAKESIDE_DESK);
        assertThat(before.getString("outcome")).isEqualTo("INELIGIBLE");
        assertThat(before.getList("reasons.code")).contains("RECENT_RADIATION");
        assertThat(before.getString("ruleset.policy.clinicId")).isEqualTo("lakeside");
        assertThat(before.getInt("ruleset.policy.version")).isZero();
        screen(ClinicKeysProfile.HARBOR_DESK);

        JsonPath report = as(ClinicKeysProfile.LAKESIDE_DIRECTOR)
                .body(Map.of("from", today(), "to", today()))
                .post("/api/v1/policies/1/replay").then().statusCode(200).extract().jsonPath();

        assertThat(report.getInt("version")).isEqualTo(1);
        assertThat(report.getInt("screenings")).isEqualTo(1);
        assertThat(report.getInt("changed")).isEqualTo(1);
        assertThat(report.getList("transitions")).containsExactly(
                Map.of("from", "INELIGIBLE", "to", "ELIGIBLE", "count", 1));
        assertThat(report.getList("reasons")).containsExactly(
                Map.of("code", "RECENT_RADIATION", "added", 0, "removed", 1));
        assertThat(report.getString("examples[0].screeningId")).isEqualTo(before.getString("screeningId"));
        assertThat(screen(ClinicKeysProfile.LAKESIDE_DESK).getString("outcome")).isEqualTo("INELIGIBLE");
    }

    @Test
    @Order(6)
    void replayRefusesABadRange() {
        as(ClinicKeysProfile.LAKESIDE_DIRECTOR).body("{\"from\": \"2026-12-01\", \"to\": \"2025-11-01\"}")
                .post("/api/v1/policies/1/replay").then().statusCode(400).body("violations[0].field", equalTo("to"));
        as(ClinicKeysProfile.LAKESIDE_DIRECTOR).body("{\"from\": \"2024-01-01\", \"to\": \"2026-11-01\"}")
                .post("/api/v1/policies/1/replay").then().statusCode(400).body("violations[0].field", equalTo("to"));
        as(ClinicKeysProfile.LAKESIDE_DIRECTOR).body("{\"from\": \"yesterday\"}")
                .post("/api/v1/policies/1/replay").then().statusCode(400)
                .body("violations.field", hasItems("from", "to"));
        as(ClinicKeysProfile.LAKESIDE_DIRECTOR).body("{\"from\": \"2026-12-01\", \"to\": \"2026-12-01\"}")
                .post("/api/v1/policies/x/replay").then().statusCode(400)
                .body("violations[0].field", equalTo("version"));
    }

    @Test
    @Order(7)
    void onlyAMedicalDirectorActivatesAndOnlyADraft() {
        as(ClinicKeysProfile.LAKESIDE_ADMIN).body("{}").post("/api/v1/policies/1/activation").then().statusCode(403);
        as(ClinicKeysProfile.LAKESIDE_DIRECTOR).body("{\"effectiveFrom\": \"2020-01-01\"}")
                .post("/api/v1/policies/1/activation").then().statusCode(400)
                .body("violations[0].field", equalTo("effectiveFrom"));
        as(ClinicKeysProfile.LAKESIDE_DIRECTOR).body("{}").post("/api/v1/policies/0/activation")
                .then().statusCode(409).contentType("application/problem+json");
        as(ClinicKeysProfile.LAKESIDE_DIRECTOR).body("{}").post("/api/v1/policies/99/activation")
                .then().statusCode(404).contentType("application/problem+json");

        as(ClinicKeysProfile.LAKESIDE_DIRECTOR).body("{}").post("/api/v1/policies/1/activation")
                .then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("approvedBy", equalTo("lakeside-director"))
                .body("effectiveFrom", equalTo(today()));

        as(ClinicKeysProfile.LAKESIDE_DIRECTOR).body("{}").post("/api/v1/policies/1/activation")
                .then().statusCode(409);
        as(ClinicKeysProfile.LAKESIDE_ADMIN).get("/api/v1/policies").then().statusCode(200)
                .body("items.version", equalTo(List.of(1, 0)))
                .body("items.status", equalTo(List.of("ACTIVE", "RETIRED")));
    }

    @Test
    @Order(8)
    void screeningsDecideUnderTheActiveVersionOfTheirOwnClinicOnly() {
        JsonPath lakeside = screen(ClinicKeysProfile.LAKESIDE_DESK);
        assertThat(lakeside.getString("outcome")).isEqualTo("ELIGIBLE");
        assertThat(lakeside.getInt("ruleset.policy.version")).isEqualTo(1);
        String activeDigest = as(ClinicKeysProfile.LAKESIDE_DESK).get("/api/v1/policy").then().statusCode(200)
                .body("version", equalTo(1)).extract().path("digest");
        assertThat(lakeside.getString("ruleset.digest")).isEqualTo(activeDigest);
        as(ClinicKeysProfile.LAKESIDE_DESK).get("/api/v1/rules").then().statusCode(200)
                .body("ruleset.digest", equalTo(activeDigest))
                .body("ruleset.policy.version", equalTo(1));

        JsonPath harbor = screen(ClinicKeysProfile.HARBOR_DESK);
        assertThat(harbor.getString("outcome")).isEqualTo("INELIGIBLE");
        assertThat(harbor.getString("ruleset.policy.clinicId")).isEqualTo("harbor");
        assertThat(harbor.getInt("ruleset.policy.version")).isZero();
        assertThat(harbor.getString("ruleset.digest")).isNotEqualTo(activeDigest);
    }

    @Test
    @Order(9)
    void anotherClinicsVersionAnswersExactlyAsAnUnknownOne() {
        String foreign = as(ClinicKeysProfile.HARBOR_DIRECTOR).get("/api/v1/policies/1").then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        String unknown = as(ClinicKeysProfile.HARBOR_DIRECTOR).get("/api/v1/policies/2").then().statusCode(404)
                .extract().asString();
        assertThat(foreign.replace("1", "#")).isEqualTo(unknown.replace("2", "#"));
        as(ClinicKeysProfile.HARBOR_DIRECTOR).body("{}").post("/api/v1/policies/1/activation").then().statusCode(404);
        as(ClinicKeysProfile.HARBOR_DIRECTOR).get("/api/v1/policies").then().statusCode(200)
                .body("items.version", equalTo(List.of(0)))
                .body("items[0].clinicId", equalTo("harbor"));
        JsonPath replay = as(ClinicKeysProfile.HARBOR_DIRECTOR).body(Map.of("from", today(), "to", today()))
                .post("/api/v1/policies/0/replay").then().statusCode(200).extract().jsonPath();
        assertThat(replay.getInt("screenings")).isEqualTo(2);
        assertThat(replay.getInt("changed")).isZero();
    }

    @Test
    @Order(10)
    void aVersionActivatedFromALaterDateIsScheduledUntilThen() {
        as(ClinicKeysProfile.LAKESIDE_DIRECTOR).body("{\"basedOn\": 0, \"outcomes\": {\"COLD_SORE_HISTORY\": \"INELIGIBLE\"}}")
                .post("/api/v1/policies").then().statusCode(201).body("version", equalTo(2));
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        as(ClinicKeysProfile.LAKESIDE_DIRECTOR).body(Map.of("effectiveFrom", tomorrow))
                .post("/api/v1/policies/2/activation").then().statusCode(200)
                .body("status", equalTo("SCHEDULED"))
                .body("effectiveFrom", equalTo(tomorrow));
        as(ClinicKeysProfile.LAKESIDE_DESK).get("/api/v1/policy").then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    @Order(11)
    void theAuditTrailHoldsThePolicyRecordsIntactAndCountsOnlyTheCallersClinic() {
        as(ClinicKeysProfile.HARBOR_DESK).get("/api/v1/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true))
                .body("records", equalTo(2));
    }
}
