package org.microneedling.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ScreeningResourceTest {

    static ValidatableResponse post(Questionnaires questionnaire) {
        return post(questionnaire.json());
    }

    static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/screenings").then();
    }

    @Test
    void screeningIdsAreTimeOrderedAndNeverRepeat() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(post(ApiExamples.REQUEST).statusCode(200).extract().path("screeningId"));
        }
        // Version 7: the first 48 bits are milliseconds since 1970, so the ids' timestamps never go back.
        List<Long> millis = ids.stream().map(id -> Long.parseLong(id.substring(0, 8) + id.substring(9, 13), 16))
                .toList();
        assertThat(millis).isSorted();
        assertThat(millis.get(0)).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void contractExampleIsReferredForColdSoreHistoryWithNsaidAdvisory() {
        post(ApiExamples.REQUEST)
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Location", matchesPattern(".*/api/v1/screenings/[0-9a-f-]{36}"))
                .header("Content-Language", "en")
                .body("screeningId", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
                .body("outcome", equalTo("REFER_TO_PROVIDER"))
                .body("reasons.code", contains("COLD_SORE_HISTORY"))
                .body("reasons[0].evidence", contains("history.coldSoreHistory: YES"))
                .body("reasons[0].reassessAfter", nullValue())
                .body("advisories.code", contains("ANTI_INFLAMMATORY_MEDICATION"))
                .body("advisories[0].evidence[0]", containsString("'ibuprofen 400 mg as needed' is ibuprofen"))
                .body("notAssessed", empty())
                .body("externalReference", equalTo("visit-20261125-0042"))
                .body("patientReference", equalTo("pt-000731"))
                .body("asOf", equalTo("2026-11-25"))
                .body("$", not(hasKey("validUntil")))
                .body("ruleset.name", equalTo("microneedling"))
                .body("ruleset.version", equalTo("1.0.0"))
                .body("ruleset.digest", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("evaluatedAt", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "eligible-baseline.json, ELIGIBLE", "ineligible-plavix.json, INELIGIBLE",
            "refer-cold-sore-history.json, REFER_TO_PROVIDER" })
    void readmeSamplesGiveTheirOutcome(String file, String outcome) throws IOException {
        post(Files.readString(Path.of("src/test/resources/samples", file))).statusCode(200)
                .body("outcome", equalTo(outcome));
    }

    @Test
    void anEligibleResultIsValidForTheClinicsScreeningValidityDaysAfterAsOf() {
        post(Questionnaires.eligible().with("patientReference", "\"pt-0042\""))
                .statusCode(200)
                .body("outcome", equalTo("ELIGIBLE"))
                .body("patientReference", equalTo("pt-0042"))
                .body("asOf", equalTo("2026-11-25"))
                .body("validUntil", equalTo("2026-12-25"));
    }

    @Test
    void anIneligibleResultHasNoValidUntilAndNoPatientReferenceWhenNoneWasSent() {
        post(Questionnaires.eligible().answer("history.psoriasis", "YES"))
                .statusCode(200)
                .body("outcome", equalTo("INELIGIBLE"))
                .body("$", not(hasKey("validUntil")))
                .body("patientReference", nullValue());
    }

    @Test
    void healthyBaselineIsEligibleWithNoReasons() {
        post(Questionnaires.eligible())
                .statusCode(200)
                .body("outcome", equalTo("ELIGIBLE"))
                .body("reasons", empty())
                .body("advisories", empty())
                .body("notAssessed", empty());
    }

    @Test
    void contraindicationIsIneligibleNotAnError() {
        post(Questionnaires.eligible().answer("history.psoriasis", "YES"))
                .statusCode(200)
                .body("outcome", equalTo("INELIGIBLE"))
                .body("reasons.code", contains("PSORIASIS"))
                .body("reasons[0].outcome", equalTo("INELIGIBLE"))
                .body("reasons[0].message", containsString("psoriasis"))
                .body("reasons[0].source", containsString("Koebner"));
    }

    @Test
    void ineligibleReasonsComeBeforeReferralsEachInCatalogueOrder() {
        post(Questionnaires.eligible()
                .answer("patient.pregnant", "YES")
                .answer("history.metalAllergy", "YES")
                .answer("history.eczema", "YES")
                .answer("history.activeAcne", "UNKNOWN")
                .answer("history.sunburnInTreatmentArea", "YES"))
                .statusCode(200)
                .body("outcome", equalTo("INELIGIBLE"))
                .body("reasons.code", contains("ECZEMA", "SUNBURN_IN_AREA", "ACTIVE_ACNE", "PREGNANCY", "METAL_ALLERGY"))
                .body("reasons.outcome", contains("INELIGIBLE", "INELIGIBLE", "REFER_TO_PROVIDER", "REFER_TO_PROVIDER",
                        "REFER_TO_PROVIDER"));
    }

    @Test
    void unknownAnswerOnAnIneligibleQuestionIsReferredWithItsOwnMessage() {
        post(Questionnaires.eligible().answer("history.bleedingDisorder", "unknown"))
                .statusCode(200)
                .body("outcome", equalTo("REFER_TO_PROVIDER"))
                .body("reasons[0].code", equalTo("BLEEDING_DISORDER"))
                .body("reasons[0].outcome", equalTo("REFER_TO_PROVIDER"))
                .body("reasons[0].message", containsString("not known"))
                .body("reasons[0].evidence", contains("history.bleedingDisorder: UNKNOWN"));
    }

    @Test
    void medicationNamingAnAnticoagulantMakesBloodThinnersIneligibleWithEvidence() {
        post(Questionnaires.eligible().medications("metformin 500 mg", "Eliquis 5 mg twice daily",
                "ibuprofen 400 mg as needed"))
                .statusCode(200)
                .body("outcome", equalTo("INELIGIBLE"))
                .body("reasons.code", contains("BLOOD_THINNERS"))
                .body("reasons[0].evidence",
                        contains("medications[1]: 'Eliquis 5 mg twice daily' is apixaban, an anticoagulant"))
                .body("advisories.code", contains("ANTI_INFLAMMATORY_MEDICATION"));
    }

    @Test
    void bloodThinnerMessagesNeverTellAnyoneToStopTheMedicine() {
        String message = post(Questionnaires.eligible().answer("history.takesBloodThinners", "YES")
                .medications("warfarin 5 mg", "aspirin 81 mg"))
                .statusCode(200)
                .body("reasons[0].code", equalTo("BLOOD_THINNERS"))
                .body("reasons[0].evidence", hasSize(3))
                .extract().path("reasons[0].message");
        assertThat(message.toLowerCase()).contains("prescriber").doesNotContain("stop taking", "discontinue");
    }

    @Test
    void aspirinAloneIsReferredToTheProvider() {
        post(Questionnaires.eligible().medications("ASA 81mg daily"))
                .statusCode(200)
                .body("outcome", equalTo("REFER_TO_PROVIDER"))
                .body("reasons[0].code", equalTo("BLOOD_THINNERS"))
                .body("reasons[0].outcome", equalTo("REFER_TO_PROVIDER"))
                .body("advisories", empty());
    }

    @Test
    void missingOptionalAnswersAreListedAsNotAssessedInCatalogueOrder() {
        post(Questionnaires.minimal())
                .statusCode(200)
                .body("outcome", equalTo("ELIGIBLE"))
                .body("notAssessed", contains("ISOTRETINOIN_CURRENT", "SKIN_CANCER_IN_AREA", "SUNBURN_IN_AREA",
                        "BREASTFEEDING", "PIGMENTATION_RISK", "TOPICAL_ANESTHETIC_ALLERGY", "ISOTRETINOIN_RECENT",
                        "IMMUNOSUPPRESSION", "METAL_ALLERGY"));
    }

    @Test
    void reasonsThatExpireCarryTheirReassessmentDate() {
        post(Questionnaires.eligible()
                .answer("patient.dateOfBirth", "2006-02-10")
                .answer("lastMicroneedlingDate", "2026-11-10")
                .answer("history.radiationTherapy", "YES")
                .answer("history.radiationTherapyEndDate", "2026-08-31")
                .answer("history.isotretinoinStopDate", "2026-08-31"))
                .statusCode(200)
                .body("reasons.code", contains("RECENT_RADIATION", "TOO_SOON_SINCE_LAST_SESSION", "BELOW_TYPICAL_AGE",
                        "ISOTRETINOIN_RECENT"))
                .body("reasons.reassessAfter", contains("2027-08-31", "2026-12-08", "2028-02-10", "2027-02-28"));
    }

    @Test
    void ageOnlyUnderMinimumHasNoReassessmentDate() {
        post(Questionnaires.minimal().with("patient.age", "17"))
                .statusCode(200)
                .body("outcome", equalTo("INELIGIBLE"))
                .body("reasons[0].code", equalTo("UNDER_MINIMUM_AGE"))
                .body("reasons[0].reassessAfter", nullValue());
    }

    @Test
    void leapDayBirthdayFallsOnFirstMarchInCommonYears() {
        Questionnaires born = Questionnaires.minimal().without("patient.age")
                .answer("patient.dateOfBirth", "2008-02-29");
        post(born.answer("asOf", "2026-02-28")).statusCode(200)
                .body("reasons[0].code", equalTo("UNDER_MINIMUM_AGE"))
                .body("reasons[0].reassessAfter", equalTo("2026-03-01"));
        post(born.answer("asOf", "2026-03-01")).statusCode(200)
                .body("reasons.code", contains("BELOW_TYPICAL_AGE"))
                .body("reasons[0].reassessAfter", equalTo("2030-03-01"));
    }

    @Test
    void asOfDefaultsToTodayInUtcAndIsEchoed() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String echoed = post(Questionnaires.minimal().without("asOf")).statusCode(200).extract().path("asOf");
        // The test may straddle midnight: accept today as seen before or after the call.
        assertThat(List.of(today, LocalDate.now(ZoneOffset.UTC).toString())).contains(echoed);
    }

    @Test
    void sameRequestGivesTheSameDecisionUnderANewScreeningId() {
        String body = Questionnaires.eligible().answer("patient.fitzpatrickSkinType", "V")
                .answer("history.coldSoreHistory", "YES").json();
        JsonPath first = post(body).statusCode(200).extract().jsonPath();
        JsonPath second = post(body).statusCode(200).extract().jsonPath();
        assertThat(second.getString("screeningId")).isNotEqualTo(first.getString("screeningId"));
        for (String path : List.of("outcome", "reasons", "advisories", "notAssessed", "asOf", "ruleset")) {
            assertThat((Object) second.get(path)).as(path).isEqualTo(first.get(path));
        }
    }

    @Test
    void energyAssistedDeepTreatmentRaisesBothAdvisoriesWithoutChangingTheOutcome() {
        post(Questionnaires.eligible().with("treatment.energyAssisted", "true").with("treatment.needleDepthMm", "2.0"))
                .statusCode(200)
                .body("outcome", equalTo("ELIGIBLE"))
                .body("advisories.code", contains("ENERGY_ASSISTED_BURN_RISK", "DEPTH_BEYOND_EVALUATED_RANGE"))
                .body("advisories[1].message", containsString("1.5 mm"));
    }

    @Test
    void unsupportedLanguageFallsBackToEnglish() {
        given().contentType(ContentType.JSON).header("Accept-Language", "fr-CA, de;q=0.5")
                .body(Questionnaires.eligible().answer("history.eczema", "YES").json())
                .post("/api/v1/screenings")
                .then().statusCode(200)
                .header("Content-Language", "en")
                .body("reasons[0].message", containsString("eczema"));
    }

    @ParameterizedTest(name = "Accept-Language \"{0}\" falls back to English")
    @ValueSource(strings = { "!!!", "en;q=abc", "*", ";;;" })
    void malformedAcceptLanguageNeverBreaksAnEndpoint(String header) {
        given().contentType(ContentType.JSON).header("Accept-Language", header)
                .body(Questionnaires.eligible().answer("history.eczema", "YES").json())
                .post("/api/v1/screenings")
                .then().statusCode(200).header("Content-Language", "en");
        given().header("Accept-Language", header).get("/api/v1/questionnaire")
                .then().statusCode(200).header("Content-Language", "en");
        given().contentType(ContentType.JSON).header("Accept-Language", header).body("[]")
                .post("/api/v1/screenings/batch")
                .then().statusCode(200);
    }

    @Test
    void postingToAnUnknownPathIsAProblemNotAStackTrace() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/screening")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", endsWith("not-found"));
    }

    @Test
    void wrongMethodIsAProblem() {
        given().delete("/api/v1/screenings")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405));
    }
}
