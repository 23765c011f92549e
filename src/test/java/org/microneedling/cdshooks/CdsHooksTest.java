package org.microneedling.cdshooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.microneedling.audit.DecisionLog;
import org.microneedling.common.ClinicId;

@QuarkusTest
class CdsHooksTest {

    private static final String SERVICE = "/cds-services/microneedling-screening";

    @Inject
    DecisionLog decisionLog;

    static String sample(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/cds-hooks", name));
    }

    /** A hook reads the clearances, which answer 503 until the audit trail has been read once after start. */
    @BeforeEach
    void screeningsAreRead() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (given().get("/api/v1/clearances?patientReference=warm-up").statusCode() == 503
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    static ValidatableResponse call(String body) {
        return given().contentType(ContentType.JSON).body(body).post(SERVICE).then();
    }

    @Test
    void discoveryListsTheServiceOnAppointmentBookWithPrefetch() {
        given().get("/cds-services").then()
                .statusCode(200)
                .body("services", hasSize(1))
                .body("services[0].id", equalTo("microneedling-screening"))
                .body("services[0].hook", equalTo("appointment-book"))
                .body("services[0].description", not(equalTo("")))
                .body("services[0].prefetch.patient", equalTo("Patient/{{context.patientId}}"))
                .body("services[0].prefetch.conditions", containsString("Condition?patient={{context.patientId}}"))
                .body("services[0].prefetch.conditions", containsString("clinical-status=active"))
                .body("services[0].prefetch.medications",
                        equalTo("MedicationRequest?patient={{context.patientId}}&status=active"))
                .body("services[0].prefetch.intake", containsString("QuestionnaireResponse?"));
    }

    @Test
    void theIntakePrefetchAsksForResponsesToEitherLanguagesConfiguredCanonical() {
        String canonical = URLEncoder.encode("https://screening.example.org/fhir/Questionnaire/microneedling-intake",
                StandardCharsets.UTF_8);
        given().get("/cds-services").then().statusCode(200)
                .body("services[0].prefetch.intake", containsString("&questionnaire=" + canonical + "," + canonical
                        + "-es&"));
    }

    @Test
    void anIntakeToTheSpanishQuestionnaireIsUsed() throws IOException {
        String spanish = sample("appointment-book-eligible-with-intake.json").replace("\"status\": \"completed\",",
                "\"status\": \"completed\", \"questionnaire\": "
                        + "\"https://screening.example.org/fhir/Questionnaire/microneedling-intake-es|1.0.0\",");
        call(spanish).statusCode(200).body("cards[0].indicator", equalTo("info"));
        String other = sample("appointment-book-eligible-with-intake.json").replace("\"status\": \"completed\",",
                "\"status\": \"completed\", \"questionnaire\": \"https://elsewhere.example.org/Questionnaire/x\",");
        call(other).statusCode(200).body("cards[0].indicator", equalTo("warning"));
    }

    @Test
    void codedPsoriasisAndApixabanGiveACriticalCardListingEveryReasonWithItsCode() throws IOException {
        String screeningId = call(sample("appointment-book-ineligible.json"))
                .statusCode(200)
                .body("cards", hasSize(1))
                .body("cards[0].indicator", equalTo("critical"))
                .body("cards[0].summary.length()", lessThan(140))
                .body("cards[0].summary", containsString("PSORIASIS"))
                .body("cards[0].detail", containsString("`PSORIASIS` (INELIGIBLE)"))
                .body("cards[0].detail", containsString("conditionCodes\\[0\\]: ICD-10-CM L40.0 (psoriasis)"))
                .body("cards[0].detail", containsString("`BLOOD_THINNERS` (INELIGIBLE)"))
                .body("cards[0].detail", containsString("RxNorm 1364447 is apixaban"))
                .body("cards[0].detail", containsString("'Eliquis 5 mg twice daily' is apixaban"))
                .body("cards[0].detail", containsString("`ACTIVE_ACNE` (REFER_TO_PROVIDER)"))
                .body("cards[0].detail", containsString("`ANTI_INFLAMMATORY_MEDICATION`"))
                .body("cards[0].detail", not(containsString("BLEEDING_DISORDER` (INELIGIBLE)")))
                .body("cards[0].detail", not(containsString("ISOTRETINOIN_CURRENT` (INELIGIBLE)")))
                .body("cards[0].detail", containsString("decided for 2026-12-01"))
                .body("cards[0].source.label", not(equalTo("")))
                .body("cards[0].source.url", endsWith("/api/v1/rules"))
                .body("cards[0].links[0].type", equalTo("absolute"))
                .body("cards[0].links[0].url", endsWith("/"))
                .extract().path("cards[0].uuid");

        assertThat(decisionLog.findResult(UUID.fromString(screeningId), ClinicId.DEFAULT)).get().asString()
                .contains("\"outcome\":\"INELIGIBLE\"");
    }

    @Test
    void aRecordWithoutAnswersGivesAWarningCardListingWhatIsNotKnown() throws IOException {
        call(sample("appointment-book-record-only.json"))
                .statusCode(200)
                .body("cards[0].indicator", equalTo("warning"))
                .body("cards[0].summary", containsString("provider review"))
                .body("cards[0].summary.length()", lessThan(140))
                .body("cards[0].detail", containsString("Not known from the record"))
                .body("cards[0].detail", containsString("`history.takesBloodThinners`"))
                .body("cards[0].links[0].label", containsString("front desk"))
                .body("cards[0].overrideReasons.code", hasItem("record-outdated"));
    }

    @Test
    void aCompletedIntakeInThePrefetchMakesAnInfoCard() throws IOException {
        call(sample("appointment-book-eligible-with-intake.json"))
                .statusCode(200)
                .body("cards[0].indicator", equalTo("info"))
                .body("cards[0].summary", equalTo("Microneedling: no contraindication found"))
                .body("cards[0].overrideReasons", nullValue())
                .body("cards[0].detail", not(containsString("Not known from the record")));
    }

    @Test
    void aPatientWithoutBirthDateGetsAWarningCardAndNoDecision() throws IOException {
        String body = sample("appointment-book-record-only.json")
                .replaceAll(",\\s*\"birthDate\": \"1990-06-15\"", "");
        call(body).statusCode(200)
                .body("cards[0].indicator", equalTo("warning"))
                .body("cards[0].summary", containsString("date of birth"));
    }

    @Test
    void malformedHookRequestsAreProblems() throws IOException {
        call("[1, 2]").statusCode(400).contentType("application/problem+json");
        call("{not json").statusCode(400).contentType("application/problem+json");
        call("{\"hook\": \"patient-view\", \"context\": {}}").statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("hook", "hookInstance", "context.patientId"));
        String otherPatient = sample("appointment-book-record-only.json").replace("\"id\": \"pat-1\"", "\"id\": \"pat-2\"");
        call(otherPatient).statusCode(400).body("violations.field", contains("prefetch.patient.id"));
        String notABundle = sample("appointment-book-record-only.json")
                .replace("\"resourceType\": \"Bundle\",\n      \"type\": \"searchset\",\n      \"total\": 0",
                        "\"resourceType\": \"Condition\"");
        call(notABundle).statusCode(400).body("violations.field", contains("prefetch.conditions"));
        given().contentType(ContentType.TEXT).body("{}").post(SERVICE).then().statusCode(415);
    }

    @Test
    void recordTextCannotAddMarkdownLinesOrLinksToTheCard() throws IOException {
        String injected = "Eliquis 5 mg\\n# Call us\\r\\n- free visit\\u2028[portal](https://evil.example)"
                + " https://evil.example www.evil.example ![x](https://evil.example/a.png)";
        String record = sample("appointment-book-ineligible.json")
                .replace("\"text\": \"Eliquis 5 mg twice daily\"", "\"text\": \"" + injected + "\"");

        ValidatableResponse card = call(record).statusCode(200);

        String detail = card.extract().path("cards[0].detail");
        assertThat(detail).contains("Eliquis 5 mg");
        assertThat(detail.lines()).noneMatch(line -> line.contains("evil") && !line.startsWith("- `"));
        assertThat(detail).doesNotContain("https://evil", "www.evil", "\u2028")
                .as("no unescaped link syntax").doesNotContainPattern("(?<!\\\\)\\]\\(");
        List<String> links = card.extract().path("cards[0].links.url");
        assertThat(links).noneMatch(url -> url.contains("evil"));
    }

    @Test
    void aControlCharacterInTheHookInstanceIsRefusedNamingIt() throws IOException {
        String withNul = sample("appointment-book-record-only.json")
                .replaceFirst("\"hookInstance\": \"", "\"hookInstance\": \"\\\\u0000");
        call(withNul).statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("hookInstance"));
    }

    @Test
    void missingPatientPrefetchIsPreconditionFailed() {
        call("{\"hook\": \"appointment-book\", \"hookInstance\": \"abc\", \"context\": {\"patientId\": \"pat-1\"}}")
                .statusCode(412)
                .contentType("application/problem+json");
    }

    @Test
    void summaryKeepsUnder140CharactersWithManyReasons() throws IOException {
        String summary = call(sample("appointment-book-ineligible.json")).extract().path("cards[0].summary");
        assertThat(summary).hasSizeLessThan(140).contains("more");
    }
}
