package org.microneedling.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ValidationTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @TestHTTPResource("/")
    URL root;

    private static ValidatableResponse rejected(Questionnaires questionnaire) {
        return rejected(questionnaire.json());
    }

    private static ValidatableResponse rejected(String body) {
        return ScreeningResourceTest.post(body)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("type", endsWith("invalid-input"))
                .body("title", equalTo("Invalid input"));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("patient.pregnant", "\"maybe\""),
                Arguments.of("patient.pregnant", "\" YES\""),
                Arguments.of("patient.pregnant", "\"Y\""),
                Arguments.of("patient.pregnant", "1"),
                Arguments.of("history.eczema", "{}"),
                Arguments.of("history.eczema", "[\"NO\"]"),
                Arguments.of("patient.age", "\"36\""),
                Arguments.of("patient.age", "36.5"),
                Arguments.of("patient.age", "36.0"),
                Arguments.of("patient.age", "-1"),
                Arguments.of("patient.age", "121"),
                Arguments.of("patient.age", "99999999999999"),
                Arguments.of("patient.dateOfBirth", "\"15/06/1990\""),
                Arguments.of("patient.dateOfBirth", "\"1990-02-30\""),
                Arguments.of("patient.dateOfBirth", "\"1990-6-15\""),
                Arguments.of("patient.dateOfBirth", "19900615"),
                Arguments.of("patient.dateOfBirth", "\"2026-11-26\""),
                Arguments.of("patient.fitzpatrickSkinType", "\"VII\""),
                Arguments.of("patient.fitzpatrickSkinType", "0"),
                Arguments.of("patient.fitzpatrickSkinType", "7"),
                Arguments.of("patient.fitzpatrickSkinType", "4.0"),
                Arguments.of("patient.fitzpatrickSkinType", "\"4\""),
                Arguments.of("treatment.needleDepthMm", "0.1"),
                Arguments.of("treatment.needleDepthMm", "2.51"),
                Arguments.of("treatment.needleDepthMm", "\"1.0\""),
                Arguments.of("treatment.energyAssisted", "\"true\""),
                Arguments.of("treatment.energyAssisted", "1"),
                Arguments.of("treatment", "true"),
                Arguments.of("patient", "\"adult\""),
                Arguments.of("medications", "\"warfarin\""),
                Arguments.of("medications[0]", "[null]"),
                Arguments.of("externalReference", "42"),
                Arguments.of("externalReference", "\"" + "x".repeat(65) + "\""),
                Arguments.of("patientReference", "42"),
                Arguments.of("patientReference", "\"" + "x".repeat(65) + "\""),
                Arguments.of("asOf", "\"tomorrow\""),
                Arguments.of("lastMicroneedlingDate", "\"2026-11-26\""),
                Arguments.of("history.isotretinoinStopDate", "\"2026-12-01\""));
    }

    @ParameterizedTest(name = "{0} = {1} is rejected naming the field")
    @MethodSource("badValues")
    void badValueIsRejectedNamingItsPath(String path, String json) {
        String field = path.endsWith("[0]") ? path.substring(0, path.length() - 3) : path;
        rejected(Questionnaires.eligible().with(field, json))
                .body("violations.field", contains(path))
                .body("violations[0].message", not(equalTo("")));
    }

    @ParameterizedTest(name = "{0} = {1} is accepted")
    @MethodSource("goodValues")
    void boundaryAndAlternativeSpellingsAreAccepted(String path, String json) {
        ScreeningResourceTest.post(Questionnaires.eligible().with(path, json)).statusCode(200);
    }

    static Stream<Arguments> goodValues() {
        return Stream.of(
                Arguments.of("patient.pregnant", "\"no\""),
                Arguments.of("patient.pregnant", "\"No\""),
                Arguments.of("patient.pregnant", "false"),
                Arguments.of("history.eczema", "false"),
                Arguments.of("patient.breastfeeding", "null"),
                Arguments.of("patient.fitzpatrickSkinType", "\"iii\""),
                Arguments.of("patient.fitzpatrickSkinType", "3"),
                Arguments.of("treatment.needleDepthMm", "0.2"),
                Arguments.of("treatment.needleDepthMm", "2.5"),
                Arguments.of("treatment.needleDepthMm", "1"),
                Arguments.of("treatment", "null"),
                Arguments.of("medications", "[]"),
                Arguments.of("medications", "null"),
                Arguments.of("externalReference", "\"" + "x".repeat(64) + "\""),
                Arguments.of("patientReference", "\"" + "x".repeat(64) + "\""),
                Arguments.of("asOf", "\"2031-01-01\""),
                Arguments.of("lastMicroneedlingDate", "\"2026-11-25\""));
    }

    @Test
    void everyMissingRequiredAnswerIsListedAtOnce() {
        rejected("{\"patient\": {}, \"history\": {}}")
                .body("violations.field", containsInAnyOrder("patient.age", "patient.pregnant", "history.activeAcne",
                        "history.activeColdSores", "history.coldSoreHistory", "history.otherActiveSkinInfection",
                        "history.eczema", "history.psoriasis", "history.keloidOrHypertrophicScarring",
                        "history.bleedingDisorder", "history.takesBloodThinners", "history.radiationTherapy"))
                .body("detail", containsString("12"));
    }

    @Test
    void missingSectionsReportTheirRequiredAnswersByPath() {
        rejected("{}")
                .body("violations.field", hasItem("patient.pregnant"))
                .body("violations.field", hasItem("history.radiationTherapy"));
    }

    @Test
    void everyBadFieldIsNamedInOneAnswer() {
        rejected(Questionnaires.eligible()
                .with("patient.age", "\"old\"")
                .with("history.eczema", "\"sometimes\"")
                .with("treatment.needleDepthMm", "9")
                .with("history.unknownThing", "\"NO\""))
                .body("violations.field", containsInAnyOrder("patient.age", "history.eczema",
                        "treatment.needleDepthMm", "history.unknownThing"));
    }

    @Test
    void misspeltAnswerIsNeverSilentlyIgnored() {
        rejected(Questionnaires.eligible().with("history.eczma", "\"YES\""))
                .body("violations.field", contains("history.eczma"))
                .body("violations[0].message", containsString("eczema"));
    }

    @Test
    void unknownTopLevelPropertyLikeANameIsRejected() {
        rejected(Questionnaires.eligible().with("patientName", "\"Jane Doe\""))
                .body("violations.field", contains("patientName"));
    }

    @Test
    void propertyGivenTwiceIsRejectedNamingIt() {
        String body = Questionnaires.eligible().json().replace("\"eczema\":\"NO\"", "\"eczema\":\"NO\",\"eczema\":\"YES\"");
        rejected(body).body("violations.field", contains("history.eczema"));
    }

    @Test
    void neitherAgeNorBirthDateNamesAge() {
        rejected(Questionnaires.eligible().without("patient.dateOfBirth"))
                .body("violations.field", contains("patient.age"));
    }

    @Test
    void birthDateGivingAnAgeOver120NamesBothFields() {
        rejected(Questionnaires.eligible().answer("patient.dateOfBirth", "1900-01-01"))
                .body("violations.field", contains("patient.age", "patient.dateOfBirth"))
                .body("violations[0].message", containsString("126"));
    }

    @Test
    void ageDisagreeingWithBirthDateNamesAge() {
        rejected(Questionnaires.eligible().with("patient.age", "35"))
                .body("violations.field", contains("patient.age"))
                .body("violations[0].message", containsString("36"));
    }

    @Test
    void ageAgreeingWithBirthDateIsAccepted() {
        ScreeningResourceTest.post(Questionnaires.eligible().with("patient.age", "36")).statusCode(200);
    }

    @Test
    void radiationEndDateWithoutRadiationIsAContradiction() {
        rejected(Questionnaires.eligible().answer("history.radiationTherapyEndDate", "2026-01-01"))
                .body("violations.field", contains("history.radiationTherapyEndDate"));
    }

    @Test
    void plannedRadiationEndDateAfterAsOfIsAccepted() {
        ScreeningResourceTest.post(Questionnaires.eligible().answer("history.radiationTherapy", "YES")
                .answer("history.radiationTherapyEndDate", "2027-01-15"))
                .statusCode(200)
                .body("reasons[0].code", equalTo("RECENT_RADIATION"))
                .body("reasons[0].outcome", equalTo("INELIGIBLE"))
                .body("reasons[0].reassessAfter", equalTo("2028-01-15"));
    }

    @Test
    void plannedRadiationEndDateMoreThanTenYearsAheadIsRefusedNamingIt() {
        rejected(Questionnaires.eligible().answer("history.radiationTherapy", "YES")
                .answer("history.radiationTherapyEndDate", "9999-12-31"))
                .body("violations.field", contains("history.radiationTherapyEndDate"));
    }

    @Test
    void isotretinoinStopDateWhileTakingItIsAContradiction() {
        rejected(Questionnaires.eligible().answer("history.isotretinoin", "YES")
                .answer("history.isotretinoinStopDate", "2026-10-01"))
                .body("violations.field", contains("history.isotretinoinStopDate"));
    }

    @Test
    void isotretinoinStopDateWithoutItsAnswerNamesTheAnswer() {
        rejected(Questionnaires.eligible().without("history.isotretinoin")
                .answer("history.isotretinoinStopDate", "2026-10-01"))
                .body("violations.field", contains("history.isotretinoin"));
    }

    @Test
    void tooManyMedicationsAndTooLongEntriesAreRejected() {
        String[] many = new String[51];
        java.util.Arrays.fill(many, "vitamin D");
        rejected(Questionnaires.eligible().medications(many)).body("violations.field", contains("medications"));
        rejected(Questionnaires.eligible().medications("ok", "x".repeat(201)))
                .body("violations.field", contains("medications[1]"));
    }

    @ParameterizedTest(name = "body {0} is a 400 with a detail")
    @ValueSource(strings = { "{\"patient\": ", "not json", "[]", "\"text\"", "42", "null", "{} {}", "{\"a\":1,}" })
    void malformedOrNonObjectBodyIsRejected(String body) {
        rejected(body).body("detail", not(equalTo("")));
    }

    @Test
    void emptyBodyIsRejected() {
        given().contentType(ContentType.JSON).post("/api/v1/screenings")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", containsString("empty"))
                .body("violations", empty());
    }

    @Test
    void deeplyNestedJsonIsRejectedWithoutAStackTrace() {
        String body = "{\"patient\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        rejected(body).body("detail", containsString("deeper"));
    }

    @ParameterizedTest(name = "Content-Type {0} is 415")
    @ValueSource(strings = { "text/plain", "application/xml", "text/csv", "*/*", "application/json-patch+json" })
    void otherContentTypesAreUnsupported(String contentType) {
        given().contentType(contentType).body(Questionnaires.eligible().json().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/screenings")
                .then().statusCode(415).contentType(PROBLEM_JSON).body("status", equalTo(415));
    }

    @Test
    void missingContentTypeIsUnsupported() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(root.toURI().resolve("/api/v1/screenings"))
                .POST(HttpRequest.BodyPublishers.ofString(Questionnaires.eligible().json()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        assertThat(response.body()).contains("Content-Type");
    }

    @Test
    void charsetParameterIsAccepted() {
        given().contentType("application/json; charset=utf-8").body(Questionnaires.eligible().json())
                .post("/api/v1/screenings").then().statusCode(200);
    }

    @Test
    void bodyOfExactly64KiBIsAcceptedAndOneByteMoreIsTooLarge() {
        String json = Questionnaires.eligible().json();
        String padded = json.substring(0, json.length() - 1) + " ".repeat(65536 - json.length()) + "}";
        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(65536);
        ScreeningResourceTest.post(padded).statusCode(200);
        ScreeningResourceTest.post(padded + " ").statusCode(413).contentType(PROBLEM_JSON)
                .body("status", equalTo(413));
    }

    @Test
    void hugeDeclaredBodyIsRefusedBeforeItIsRead() throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/screenings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 50000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readResponse(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("\"status\":413");
        }
    }

    /** Reads one response without waiting for the connection to close. */
    private static String readResponse(InputStream in) throws java.io.IOException {
        StringBuilder response = new StringBuilder();
        byte[] buffer = new byte[4096];
        int read;
        while ((read = in.read(buffer)) > 0) {
            response.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            if (response.toString().contains("}")) {
                break;
            }
        }
        return response.toString();
    }

    @Test
    void errorsNeverLeakClassNamesOrStackTraces() {
        String body = ScreeningResourceTest.post("{\"patient\": {\"age\": 1e400}, \"history\": []}")
                .statusCode(400).extract().asString();
        assertThat(body).doesNotContain("Exception", "com.fasterxml", "org.microneedling", "at java.");
    }
}
