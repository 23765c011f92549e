package org.microneedling.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CatalogueResourceTest {

    @Test
    void rulesAreListedInCatalogueOrderWithOutcomeParametersAndSource() {
        given().get("/api/v1/rules").then().statusCode(200)
                .body("ruleset.digest", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("rules.code", contains("UNDER_MINIMUM_AGE", "ACTIVE_ACNE", "ACTIVE_COLD_SORES", "SKIN_INFECTION",
                        "ECZEMA", "PSORIASIS", "KELOID_OR_HYPERTROPHIC_SCARRING", "BLEEDING_DISORDER", "BLOOD_THINNERS",
                        "RECENT_RADIATION", "TOO_SOON_SINCE_LAST_SESSION", "ISOTRETINOIN_CURRENT", "SKIN_CANCER_IN_AREA",
                        "SUNBURN_IN_AREA", "BELOW_TYPICAL_AGE", "PREGNANCY", "BREASTFEEDING", "COLD_SORE_HISTORY",
                        "PIGMENTATION_RISK", "TOPICAL_ANESTHETIC_ALLERGY", "ISOTRETINOIN_RECENT", "IMMUNOSUPPRESSION",
                        "METAL_ALLERGY"))
                .body("rules.findAll { it.defaultOutcome == 'INELIGIBLE' }", hasSize(14))
                .body("rules.find { it.code == 'UNDER_MINIMUM_AGE' }.parameters.minimum-age", equalTo(18))
                .body("rules.find { it.code == 'RECENT_RADIATION' }.parameters.radiation-window-months", equalTo(12))
                .body("rules.find { it.code == 'TOO_SOON_SINCE_LAST_SESSION' }.parameters.session-interval-days",
                        equalTo(28))
                .body("rules.find { it.code == 'ISOTRETINOIN_RECENT' }.parameters.isotretinoin-window-months",
                        equalTo(6))
                .body("rules.source", everyItem(not(emptyOrNullString())))
                .body("advisories.code", contains("ANTI_INFLAMMATORY_MEDICATION", "ENERGY_ASSISTED_BURN_RISK",
                        "DEPTH_BEYOND_EVALUATED_RANGE"));
    }

    @Test
    void catalogueDigestIsTheOneDecisionsReport() {
        String catalogueDigest = given().get("/api/v1/rules").then().extract().path("ruleset.digest");
        ScreeningResourceTest.post(Questionnaires.eligible()).body("ruleset.digest", equalTo(catalogueDigest));
    }

    @Test
    void questionnaireHasEveryRequestFieldOnceUnderItsJsonPath() {
        JsonPath questionnaire = given().get("/api/v1/questionnaire").then().statusCode(200)
                .body("version", equalTo("1.0.0"))
                .body("sections.id", contains("patient", "skin", "medical", "medications", "treatment", "visit"))
                .extract().jsonPath();
        List<String> paths = questionnaire.getList("sections.items.flatten().path");
        assertThat(paths).containsExactlyInAnyOrderElementsOf(QuestionnaireDefinition.requestPaths());
    }

    @Test
    void questionnaireItemsCarryTypesOptionsPresenceAndLimitsOfTheApi() {
        JsonPath questionnaire = given().get("/api/v1/questionnaire").then().extract().jsonPath();
        Map<String, Object> eczema = item(questionnaire, "history.eczema");
        assertThat(eczema).containsEntry("type", "answer").containsEntry("required", true);
        assertThat(questionnaire.getList("sections.items.flatten().find { it.path == 'history.eczema' }.options.value"))
                .containsExactly("YES", "NO", "UNKNOWN");
        assertThat(item(questionnaire, "patient.breastfeeding")).containsEntry("required", false);
        assertThat(item(questionnaire, "patient.age")).containsEntry("type", "integer").containsEntry("minimum", 0)
                .containsEntry("maximum", 120);
        assertThat(item(questionnaire, "treatment.needleDepthMm")).containsEntry("type", "decimal")
                .containsEntry("minimum", 0.2f).containsEntry("maximum", 2.5f);
        assertThat(item(questionnaire, "medications")).containsEntry("type", "stringList")
                .containsEntry("maxItems", 50).containsEntry("maxLength", 200);
        assertThat(item(questionnaire, "patient.fitzpatrickSkinType")).containsEntry("type", "skinType");
        assertThat(item(questionnaire, "lastMicroneedlingDate")).containsEntry("type", "date")
                .containsEntry("notAfterAsOf", true);
        assertThat(item(questionnaire, "history.radiationTherapyEndDate")).containsEntry("notAfterAsOf", false)
                .containsKey("shownWhen");
        assertThat(questionnaire.getList("atLeastOneOf[0]")).containsExactly("patient.dateOfBirth", "patient.age");
    }

    @Test
    void everyItemHasQuestionText() {
        given().get("/api/v1/questionnaire").then()
                .body("sections.items.flatten().question", everyItem(not(emptyOrNullString())))
                .body("sections.title", everyItem(not(emptyOrNullString())))
                .body("title", containsString("screening"));
    }

    private static Map<String, Object> item(JsonPath questionnaire, String path) {
        return questionnaire.getMap("sections.items.flatten().find { it.path == '" + path + "' }");
    }
}
