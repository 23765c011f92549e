package org.microneedling.screening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class BatchScreeningTest {

    private static ValidatableResponse postBatch(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/screenings/batch").then();
    }

    private static String batch(List<Questionnaires> questionnaires) {
        ArrayNode array = Questionnaires.MAPPER.createArrayNode();
        questionnaires.forEach(questionnaire -> array.add(questionnaire.node()));
        return array.toString();
    }

    @Test
    void resultsComeBackInRequestOrderEachWithItsOwnId() {
        postBatch(batch(List.of(
                Questionnaires.eligible().answer("externalReference", "a"),
                Questionnaires.eligible().answer("externalReference", "b").answer("history.eczema", "YES"),
                Questionnaires.eligible().answer("externalReference", "c").answer("patient.pregnant", "UNKNOWN"))))
                .statusCode(200)
                .body("$", hasSize(3))
                .body("externalReference", contains("a", "b", "c"))
                .body("outcome", contains("ELIGIBLE", "INELIGIBLE", "REFER_TO_PROVIDER"))
                .body("reasons[2][0].code", equalTo("PREGNANCY"))
                .body("screeningId.unique()", hasSize(3));
    }

    @Test
    void invalidEntriesAreNamedByIndexAndNothingIsScreened() {
        postBatch(batch(List.of(
                Questionnaires.eligible(),
                Questionnaires.eligible().with("patient.age", "\"x\""),
                Questionnaires.eligible().without("history.eczema"))))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("[1].patient.age", "[2].history.eczema"));
    }

    @Test
    void nonObjectEntryIsNamedByIndex() {
        postBatch("[" + Questionnaires.eligible().json() + ", 42]")
                .statusCode(400)
                .body("violations.field", contains("[1]"));
    }

    @Test
    void objectInsteadOfArrayIsRejected() {
        postBatch(Questionnaires.eligible().json())
                .statusCode(400)
                .body("detail", containsString("array"));
    }

    @Test
    void emptyBatchHasNothingToScreen() {
        postBatch("[]").statusCode(200).body("$", empty());
    }

    @Test
    void moreThanTheConfiguredMaximumIsRejected() {
        String item = Questionnaires.minimal().json();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            body.append(i == 0 ? "" : ",").append(item);
        }
        postBatch(body.append("]").toString())
                .statusCode(400)
                .body("detail", containsString("1000"))
                .body("violations.field", contains("[1000]"));
    }

    @Test
    void thousandQuestionnairesAreScreenedInOneRequest() {
        String item = Questionnaires.eligible().json();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            body.append(i == 0 ? "" : ",").append(item);
        }
        postBatch(body.append("]").toString()).statusCode(200).body("$", hasSize(1000));
    }

    @Test
    void batchNeedsJson() {
        given().contentType(ContentType.TEXT).body("[]").post("/api/v1/screenings/batch")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
