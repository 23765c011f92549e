package org.microneedling.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class QuestionnaireResponseTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String YES_NO = "http://terminology.hl7.org/CodeSystem/v2-0136";
    private static final String ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    static String sample(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/fhir", name));
    }

    static ValidatableResponse postFhir(String body) {
        return given().contentType(FhirMediaTypes.FHIR_JSON).accept(FhirMediaTypes.FHIR_JSON).body(body)
                .post("/api/v1/screenings").then();
    }

    @Test
    void flatResponseWithCodedYesNoAnswersIsEligible() throws IOException {
        postFhir(sample("qr-eligible-flat.json"))
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("outcome", equalTo("ELIGIBLE"))
                .body("reasons", empty())
                .body("notAssessed", empty())
                .body("externalReference", equalTo("visit-fhir-flat"))
                .body("asOf", equalTo("2026-11-25"));
    }

    @Test
    void groupedResponseUsesBooleanStringUnknownNcitAndRxNormAnswersAuthoredAndIdentifier() throws IOException {
        postFhir(sample("qr-grouped-ineligible.json"))
                .statusCode(200)
                .body("outcome", equalTo("INELIGIBLE"))
                .body("reasons.code", contains("PSORIASIS", "BLOOD_THINNERS", "BREASTFEEDING", "PIGMENTATION_RISK"))
                .body("reasons[0].evidence", contains("history.psoriasis: YES"))
                .body("reasons[1].evidence", contains("medicationCodes[0]: RxNorm 1364430 is apixaban, an anticoagulant"))
                .body("reasons[2].outcome", equalTo("REFER_TO_PROVIDER"))
                .body("reasons[3].evidence", contains("patient.fitzpatrickSkinType: IV"))
                .body("advisories.code", containsInAnyOrder("ANTI_INFLAMMATORY_MEDICATION", "ENERGY_ASSISTED_BURN_RISK"))
                .body("externalReference", equalTo("visit-fhir-grouped"))
                .body("asOf", equalTo("2026-11-25"));
    }

    @Test
    void unknownLinkIdAndBadAnswersAreNamedByLinkId() throws IOException {
        postFhir(sample("qr-unknown-linkid-and-bad-answers.json"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("history.eczemaa", "history.metalAllergy",
                        "patient.fitzpatrickSkinType"));
    }

    @Test
    void aResourceThatIsNotAQuestionnaireResponseIsRejected() {
        postFhir("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("resourceType"));
    }

    @Test
    void validationOfTheTranslatedRequestNamesTheLinkId() {
        ObjectNode response = fromRequest(vignette("eligible-baseline.json"), false);
        replaceAnswer(response, "patient.dateOfBirth", MAPPER.createObjectNode().put("valueDate", "2026-13-01"));
        removeItem(response, "history.eczema");
        postFhir(response.toString())
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("history.eczema", "patient.dateOfBirth"));
    }

    @Test
    void dataAbsentReasonUnknownAndValueStringCountAsAnswers() {
        ObjectNode response = fromRequest(vignette("eligible-baseline.json"), false);
        replaceAnswer(response, "history.eczema", coding(ABSENT, "unknown"));
        replaceAnswer(response, "patient.pregnant", MAPPER.createObjectNode().put("valueString", "unknown"));
        postFhir(response.toString())
                .statusCode(200)
                .body("reasons.code", contains("ECZEMA", "PREGNANCY"))
                .body("reasons.outcome", contains("REFER_TO_PROVIDER", "REFER_TO_PROVIDER"));
    }

    @Test
    void twoAnswersToOneQuestionAreRejected() {
        ObjectNode response = fromRequest(vignette("eligible-baseline.json"), false);
        ArrayNode answers = (ArrayNode) findItem(response, "history.eczema").get("answer");
        answers.add(coding(YES_NO, "Y"));
        postFhir(response.toString()).statusCode(400).body("violations.field", contains("history.eczema"));
    }

    @Test
    void identifierLongerThan64CharactersIsRejected() {
        ObjectNode response = fromRequest(vignette("eligible-baseline.json"), false);
        removeItem(response, "externalReference");
        response.putObject("identifier").put("value", "x".repeat(65));
        postFhir(response.toString()).statusCode(400).body("violations.field", contains("identifier.value"));
    }

    @Test
    void identifierOf64EmojiIsEchoedBecauseLengthsCountCharacters() {
        ObjectNode response = fromRequest(vignette("eligible-baseline.json"), false);
        removeItem(response, "externalReference");
        String emoji = "\uD83D\uDE00".repeat(64);
        response.putObject("identifier").put("value", emoji);
        given().contentType(FhirMediaTypes.FHIR_JSON + "; charset=UTF-8").accept(FhirMediaTypes.FHIR_JSON)
                .body(response.toString().getBytes(StandardCharsets.UTF_8)).post("/api/v1/screenings").then()
                .statusCode(200).body("externalReference", equalTo(emoji));
    }

    @Test
    void aControlCharacterInTheIdentifierOrAStringAnswerIsRefusedNamingIt() {
        ObjectNode response = fromRequest(vignette("eligible-baseline.json"), false);
        removeItem(response, "externalReference");
        response.putObject("identifier").put("value", "visit\u0000-1");
        postFhir(response.toString()).statusCode(400).body("violations.field", contains("identifier.value"));

        ObjectNode answered = fromRequest(vignette("eligible-baseline.json"), false);
        replaceAnswer(answered, "externalReference", MAPPER.createObjectNode().put("valueString", "visit\u0007"));
        postFhir(answered.toString()).statusCode(400).body("violations.field", contains("externalReference"));
    }

    @Test
    void fhirIsRefusedByTheBatchEndpoint() throws IOException {
        given().contentType(FhirMediaTypes.FHIR_JSON).body(sample("qr-eligible-flat.json"))
                .post("/api/v1/screenings/batch").then().statusCode(415);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "eligible-baseline.json", "psoriasis.json", "warfarin-answer-yes.json",
            "maybe-pregnant-breastfeeding.json", "fitzpatrick-v-cold-sores-ibuprofen.json", "radiation-ongoing.json",
            "isotretinoin-stopped-6-months-minus-a-day.json", "age-only-16-with-acne.json", "all-advisories.json",
            "unknown-everywhere-optional-absent.json", "young-pregnant-on-plavix-recent-session.json" })
    void fhirFormDecidesAsTheJsonForm(String vignette) {
        JsonNode request = vignette(vignette);
        String json = given().contentType(ContentType.JSON).body(request.toString()).post("/api/v1/screenings")
                .then().statusCode(200).extract().asString();
        boolean grouped = vignette.hashCode() % 2 == 0;
        String fhir = postFhir(fromRequest(request, grouped).toString()).statusCode(200).extract().asString();

        assertThat(comparable(fhir)).isEqualTo(comparable(json));
    }

    /** The result without what differs per call. */
    private static JsonNode comparable(String result) {
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(result);
            node.remove(List.of("screeningId", "evaluatedAt"));
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode vignette(String name) {
        try {
            return MAPPER.readTree(Path.of("src/test/resources/vignettes", name).toFile()).get("request");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The QuestionnaireResponse a FHIR form filler would send for a v1 request. */
    static ObjectNode fromRequest(JsonNode request, boolean grouped) {
        ObjectNode response = MAPPER.createObjectNode();
        response.put("resourceType", "QuestionnaireResponse");
        response.put("status", "completed");
        ArrayNode items = response.putArray("item");
        for (Iterator<Map.Entry<String, JsonNode>> fields = request.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isObject()) {
                ArrayNode target = items;
                if (grouped) {
                    ObjectNode group = items.addObject().put("linkId", field.getKey());
                    target = group.putArray("item");
                }
                for (Iterator<Map.Entry<String, JsonNode>> leaves = field.getValue().fields(); leaves.hasNext();) {
                    Map.Entry<String, JsonNode> leaf = leaves.next();
                    addItem(target, field.getKey() + "." + leaf.getKey(), leaf.getValue());
                }
            } else {
                addItem(items, field.getKey(), field.getValue());
            }
        }
        return response;
    }

    private static void addItem(ArrayNode items, String linkId, JsonNode value) {
        if (value.isNull()) {
            return;
        }
        ObjectNode item = items.addObject().put("linkId", linkId);
        ArrayNode answers = item.putArray("answer");
        if (value.isArray()) {
            value.forEach(text -> answers.addObject().put("valueString", text.asText()));
        } else if (linkId.endsWith("Date") || linkId.equals("asOf") || linkId.endsWith("dateOfBirth")) {
            answers.addObject().put("valueDate", value.asText());
        } else if (linkId.equals("patient.fitzpatrickSkinType")) {
            answers.addObject().put("valueInteger", value.isInt() ? value.intValue()
                    : List.of("I", "II", "III", "IV", "V", "VI").indexOf(value.asText().toUpperCase()) + 1);
        } else if (value.isInt()) {
            answers.addObject().put("valueInteger", value.intValue());
        } else if (value.isNumber()) {
            answers.addObject().put("valueDecimal", value.decimalValue());
        } else if (value.isBoolean() && linkId.startsWith("treatment.")) {
            answers.addObject().put("valueBoolean", value.booleanValue());
        } else if (linkId.equals("externalReference")) {
            answers.addObject().put("valueString", value.asText());
        } else {
            String answer = value.isBoolean() ? (value.booleanValue() ? "YES" : "NO") : value.asText().toUpperCase();
            answers.add(switch (answer) {
                case "YES" -> coding(YES_NO, "Y");
                case "NO" -> coding(YES_NO, "N");
                default -> coding(ABSENT, "asked-unknown");
            });
        }
    }

    private static ObjectNode coding(String system, String code) {
        ObjectNode answer = MAPPER.createObjectNode();
        answer.putObject("valueCoding").put("system", system).put("code", code);
        return answer;
    }

    private static ObjectNode findItem(JsonNode items, String linkId) {
        for (JsonNode item : items.path("item")) {
            if (linkId.equals(item.path("linkId").asText())) {
                return (ObjectNode) item;
            }
            ObjectNode nested = findItem(item, linkId);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    private static void replaceAnswer(ObjectNode response, String linkId, ObjectNode answer) {
        ArrayNode answers = findItem(response, linkId).putArray("answer");
        answers.add(answer);
    }

    private static void removeItem(ObjectNode response, String linkId) {
        ArrayNode items = (ArrayNode) response.get("item");
        for (int i = 0; i < items.size(); i++) {
            if (linkId.equals(items.get(i).path("linkId").asText())) {
                items.remove(i);
                return;
            }
        }
    }

    @Test
    void ncitSystemAliasesAreAccepted() {
        ObjectNode response = fromRequest(vignette("eligible-baseline.json"), false);
        ObjectNode answer = MAPPER.createObjectNode();
        answer.putObject("valueCoding").put("system", "urn:oid:2.16.840.1.113883.3.26.1.1").put("code", "C74573");
        replaceAnswer(response, "patient.fitzpatrickSkinType", answer);
        postFhir(response.toString()).statusCode(200)
                .body("reasons.code", hasItem("PIGMENTATION_RISK"))
                .body("reasons[0].evidence", contains("patient.fitzpatrickSkinType: V"));
    }
}
