package org.microneedling.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class FhirQuestionnaireTest {

    private static JsonPath fhirQuestionnaire() {
        return given().accept(FhirMediaTypes.FHIR_JSON).get("/api/v1/questionnaire").then()
                .statusCode(200)
                .contentType(startsWith(FhirMediaTypes.FHIR_JSON))
                .extract().jsonPath();
    }

    private static Map<String, Object> item(JsonPath questionnaire, String linkId) {
        return questionnaire.getMap("item.item.flatten().find { it.linkId == '" + linkId + "' }");
    }

    @Test
    void fhirAcceptGivesAnActiveR4QuestionnaireWithCanonicalUrlAndRulesetVersion() {
        given().accept(FhirMediaTypes.FHIR_JSON).get("/api/v1/questionnaire").then()
                .statusCode(200)
                .body("resourceType", equalTo("Questionnaire"))
                .body("url", equalTo("https://screening.example.org/fhir/Questionnaire/microneedling-intake"))
                .body("version", equalTo("1.0.0"))
                .body("status", equalTo("active"))
                .body("item.linkId", contains("patient", "skin", "medical", "medications-group", "treatment", "visit"))
                .body("item.type", contains("group", "group", "group", "group", "group", "group"));
    }

    @Test
    void eachLanguageIsAQuestionnaireOfItsOwnWithNarrative() {
        given().accept(FhirMediaTypes.FHIR_JSON).header("Accept-Language", "es").get("/api/v1/questionnaire").then()
                .statusCode(200)
                .body("id", equalTo("microneedling-intake-es"))
                .body("url", equalTo("https://screening.example.org/fhir/Questionnaire/microneedling-intake-es"))
                .body("language", equalTo("es"))
                .body("text.status", equalTo("generated"))
                .body("text.div", startsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"es\""));
    }

    @Test
    void linkIdsAreTheJsonPathsOfTheDefinitionGroupedAsItIs() {
        JsonPath fhir = fhirQuestionnaire();
        JsonPath json = given().get("/api/v1/questionnaire").then().extract().jsonPath();

        List<List<String>> fhirLinkIds = fhir.getList("item.item.linkId");
        List<List<String>> jsonPaths = json.getList("sections.items.path");
        assertThat(fhirLinkIds).isEqualTo(jsonPaths);
    }

    @Test
    void itemTypesFollowTheAnswerTypes() {
        JsonPath questionnaire = fhirQuestionnaire();

        assertThat(item(questionnaire, "history.eczema")).containsEntry("type", "choice").containsEntry("required", true)
                .containsEntry("answerValueSet", "http://hl7.org/fhir/ValueSet/yesnodontknow");
        assertThat(item(questionnaire, "patient.breastfeeding")).containsEntry("type", "choice")
                .containsEntry("required", false);
        assertThat(item(questionnaire, "patient.dateOfBirth")).containsEntry("type", "date");
        assertThat(item(questionnaire, "patient.age")).containsEntry("type", "integer");
        assertThat(item(questionnaire, "treatment.needleDepthMm")).containsEntry("type", "decimal");
        assertThat(item(questionnaire, "treatment.energyAssisted")).containsEntry("type", "boolean");
        assertThat(item(questionnaire, "medications")).containsEntry("type", "open-choice").containsEntry("repeats", true)
                .containsEntry("maxLength", 200);
        assertThat(questionnaire.getList(
                "item.item.flatten().find { it.linkId == 'medications' }.answerOption.valueCoding.code"))
                .contains("1364430", "1191");
        assertThat(item(questionnaire, "externalReference")).containsEntry("type", "string")
                .containsEntry("maxLength", 64);
        assertThat(questionnaire.getList(
                "item.item.flatten().find { it.linkId == 'patient.fitzpatrickSkinType' }.answerOption.valueCoding.code"))
                .containsExactly("C74569", "C74570", "C74571", "C74572", "C74573", "C74574");
    }

    @Test
    void conditionalItemsCarryEnableWhen() {
        JsonPath questionnaire = fhirQuestionnaire();
        String radiation = "item.item.flatten().find { it.linkId == 'history.radiationTherapyEndDate' }";

        assertThat(questionnaire.getList(radiation + ".enableWhen.question"))
                .containsOnly("history.radiationTherapy");
        assertThat(questionnaire.getList(radiation + ".enableWhen.answerCoding.code"))
                .containsExactly("Y", "asked-unknown");
        assertThat(questionnaire.getString(radiation + ".enableBehavior")).isEqualTo("any");
        assertThat(questionnaire.getList(
                "item.item.flatten().find { it.linkId == 'history.isotretinoinStopDate' }.enableWhen.answerCoding.code"))
                .containsExactly("N", "asked-unknown");
    }

    @Test
    void plainJsonStaysTheDefault() {
        given().get("/api/v1/questionnaire").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("id", equalTo("microneedling-intake"));
        given().accept("application/json, application/fhir+json;q=0.5").get("/api/v1/questionnaire").then()
                .contentType(startsWith("application/json"));
    }
}
