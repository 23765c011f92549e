package org.microneedling.screening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The API speaks Spanish when asked; codes, JSON paths and enum values stay as the contract names them. */
@QuarkusTest
class LanguageTest {

    private static final String SPANISH = "es-MX,es;q=0.9,en;q=0.5";

    private static ValidatableResponse postInSpanish(String body) {
        return given().contentType(ContentType.JSON).header("Accept-Language", SPANISH).body(body)
                .post("/api/v1/screenings").then();
    }

    @Test
    void questionnaireIsInSpanishWithUntranslatedPathsAndValues() {
        given().header("Accept-Language", SPANISH).get("/api/v1/questionnaire")
                .then().statusCode(200)
                .body("language", equalTo("es"))
                .body("title", containsString("micropunción"))
                .body("sections[0].title", equalTo("Datos del paciente"))
                .body("sections[0].items.find { it.path == 'patient.pregnant' }.question",
                        equalTo("¿Está embarazada la paciente?"))
                .body("sections[0].items.find { it.path == 'patient.pregnant' }.options.value",
                        hasItem("UNKNOWN"))
                .body("sections[0].items.find { it.path == 'patient.pregnant' }.options.label", hasItem("No se sabe"));
    }

    @Test
    void reasonMessagesAndEvidenceAreInSpanishAndCodesAreNot() {
        postInSpanish(Questionnaires.eligible().answer("history.eczema", "YES")
                .medications("Eliquis 5 mg twice daily").json())
                .statusCode(200)
                .header("Content-Language", "es")
                .body("outcome", equalTo("INELIGIBLE"))
                .body("reasons.code", hasItem("ECZEMA"))
                .body("reasons.find { it.code == 'ECZEMA' }.message", containsString("eccema"))
                .body("reasons.find { it.code == 'ECZEMA' }.evidence[0]", equalTo("history.eczema: YES"))
                .body("reasons.find { it.code == 'BLOOD_THINNERS' }.evidence[0]",
                        equalTo("medications[0]: «Eliquis 5 mg twice daily» contiene apixaban, un anticoagulante"));
    }

    @Test
    void advisoriesAreInSpanish() {
        postInSpanish(Questionnaires.eligible().medications("ibuprofeno 400 mg", "Advil").json())
                .statusCode(200)
                .body("advisories.code", hasItem("ANTI_INFLAMMATORY_MEDICATION"))
                .body("advisories[0].message", containsString("AINE"));
    }

    @Test
    void problemTitleDetailAndViolationsAreInSpanishWithUntranslatedFields() {
        postInSpanish(Questionnaires.eligible().without("patient.pregnant").answer("history.eczema", "maybe").json())
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("invalid-input"))
                .body("title", equalTo("Datos no válidos"))
                .body("detail", startsWith("El cuestionario tiene 2 campo(s)"))
                .body("violations.find { it.field == 'patient.pregnant' }.message", equalTo("es obligatorio"))
                .body("violations.find { it.field == 'history.eczema' }.message",
                        equalTo("debe ser YES, NO o UNKNOWN (o true/false)"));
    }

    @Test
    void transportProblemsAreInSpanish() {
        given().header("Accept-Language", "es").contentType(ContentType.TEXT).body("hola")
                .post("/api/v1/screenings")
                .then().statusCode(415)
                .body("title", equalTo("Tipo de contenido no admitido"))
                .body("detail", containsString("application/json"));
        given().header("Accept-Language", "es").get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("No encontrado"))
                .body("detail", equalTo("No existe ningún recurso en esta dirección."));
    }

    @Test
    void englishStaysTheDefault() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/screenings")
                .then().statusCode(400)
                .body("title", equalTo("Invalid input"));
    }
}
