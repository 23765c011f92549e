package org.microneedling.cdshooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.DecisionLog;
import org.microneedling.screening.Questionnaires;

/**
 * CDS Hooks with the review workflow, over HTTP with two clinics: feedback on cards is recorded in the audit before
 * the 200 and verified with it, bad feedback names its fields, another clinic's card is unknown, and a patient's
 * valid clearance is an info card beside the screening's.
 */
@QuarkusTest
@TestProfile(CdsKeysProfile.class)
class CdsWorkflowTest {

    private static final String SERVICE = "/cds-services/microneedling-screening";
    private static final String FEEDBACK = SERVICE + "/feedback";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    DecisionLog decisionLog;

    private static RequestSpecification as(String key) {
        return given().header("X-API-Key", key).contentType("application/json");
    }

    @BeforeEach
    void screeningsAreRead() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (as(CdsKeysProfile.LAKESIDE_EHR).get("/api/v1/clearances?patientReference=warm-up").statusCode() == 503
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static String hook(String patientId) throws IOException {
        return CdsHooksTest.sample("appointment-book-record-only.json").replace("\"pat-1\"", "\"" + patientId + "\"");
    }

    private static ValidatableResponse callHook(String key, String patientId) throws IOException {
        return as(key).body(hook(patientId)).post(SERVICE).then().statusCode(200);
    }

    /** A referral card of the clinic whose EHR key is given: its uuid. */
    private static String referralCard(String key) throws IOException {
        return callHook(key, patient()).body("cards[0].indicator", equalTo("warning")).extract().path("cards[0].uuid");
    }

    private static String patient() {
        return "pt-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String item(String card, String outcome, String rest) {
        return "{\"card\": \"" + card + "\", \"outcome\": \"" + outcome + "\", \"outcomeTimestamp\": \""
                + Instant.now().minusSeconds(30) + "\"" + rest + "}";
    }

    private static String feedback(String... items) {
        return "{\"feedback\": [" + String.join(", ", items) + "]}";
    }

    private static int verifiedRecords(String key) {
        return as(key).get("/api/v1/audit/verification").then().statusCode(200).body("intact", equalTo(true))
                .extract().path("records");
    }

    /** Screens the patient at the desk (a referral), and has the provider review it. */
    private static String reviewedReferral(String patient, String review) {
        String id = as(CdsKeysProfile.LAKESIDE_EHR).body(Questionnaires.eligible()
                .answer("history.coldSoreHistory", "YES").with("patientReference", "\"" + patient + "\"").json())
                .post("/api/v1/screenings").then().statusCode(200).body("outcome", equalTo("REFER_TO_PROVIDER"))
                .extract().path("screeningId");
        as(CdsKeysProfile.LAKESIDE_PROVIDER).body(review).post("/api/v1/screenings/" + id + "/reviews").then()
                .statusCode(201);
        return id;
    }

    @Test
    void aReferralCardCarriesTheOverrideReasonsOfOurCodeSystem() throws IOException {
        callHook(CdsKeysProfile.LAKESIDE_EHR, patient())
                .body("cards", hasSize(1))
                .body("cards[0].overrideReasons.system", hasItem(OverrideReason.DEFAULT_SYSTEM))
                .body("cards[0].overrideReasons.code", hasItem("provider-cleared"))
                .body("cards[0].overrideReasons.display", hasItem("The appointment is not for microneedling"));
    }

    @Test
    void feedbackIsRecordedWithItsScreeningBeforeThe200AndVerifiedWithTheTrail() throws Exception {
        String first = referralCard(CdsKeysProfile.LAKESIDE_EHR);
        String second = referralCard(CdsKeysProfile.LAKESIDE_EHR);
        int before = verifiedRecords(CdsKeysProfile.LAKESIDE_EHR);

        List<String> ids = as(CdsKeysProfile.LAKESIDE_EHR).body(feedback(
                item(first, "overridden", ", \"overrideReason\": {\"reason\": {\"system\": \""
                        + OverrideReason.DEFAULT_SYSTEM + "\", \"code\": \"provider-cleared\", \"display\": "
                        + "\"Cleared\"}, \"userComment\": \"Cleared by Dr Lin last week\"}"),
                item(second, "accepted", ", \"acceptedSuggestions\": []")))
                .post(FEEDBACK).then().statusCode(200).contentType("application/json")
                .body("recorded.card", contains(first, second))
                .extract().path("recorded.feedbackId");

        AuditEntry overridden = decisionLog.find(UUID.fromString(ids.get(0))).orElseThrow();
        assertThat(overridden.kind()).isEqualTo("cds-hooks.feedback");
        assertThat(overridden.clinicId()).isEqualTo("lakeside");
        assertThat(overridden.clientId()).isEqualTo("lakeside-ehr");
        assertThat(overridden.result()).contains("\"screeningId\":\"" + first + "\"", "\"outcome\":\"overridden\"",
                "\"code\":\"provider-cleared\"", "Cleared by Dr Lin last week");
        assertThat(decisionLog.find(UUID.fromString(ids.get(1))).orElseThrow().result())
                .contains("\"screeningId\":\"" + second + "\"", "\"outcome\":\"accepted\"");
        assertThat(verifiedRecords(CdsKeysProfile.LAKESIDE_EHR)).isEqualTo(before + 2);
    }

    @Test
    void badFeedbackIsA400NamingEachFieldAndRecordsNothing() throws IOException {
        String card = referralCard(CdsKeysProfile.LAKESIDE_EHR);
        int before = verifiedRecords(CdsKeysProfile.LAKESIDE_EHR);

        as(CdsKeysProfile.LAKESIDE_EHR).body(feedback(item(card, "accepted", ""), item(card, "accepted", ""),
                        item(card, "dismissed", ", \"overrideReason\": {\"userComment\": \"x\"}"),
                        "{\"card\": \"" + card + "\", \"outcomeTimestamp\": \"yesterday\", \"user\": \"x\"}"))
                .post(FEEDBACK).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("feedback[2].outcome", "feedback[3].user",
                        "feedback[3].outcome", "feedback[3].outcomeTimestamp"));
        as(CdsKeysProfile.LAKESIDE_EHR).body(feedback(item(card, "overridden", ", \"overrideReason\": {\"reason\": "
                        + "{\"system\": \"" + OverrideReason.DEFAULT_SYSTEM + "\", \"code\": \"too-busy\"}}")))
                .post(FEEDBACK).then().statusCode(400)
                .body("violations.field", contains("feedback[0].overrideReason.reason.code"));
        as(CdsKeysProfile.LAKESIDE_EHR).body(feedback(item(card, "accepted", ", \"overrideReason\": "
                        + "{\"userComment\": \"x\"}")))
                .post(FEEDBACK).then().statusCode(400).body("violations.field", contains("feedback[0].overrideReason"));
        as(CdsKeysProfile.LAKESIDE_EHR).body("{\"feedback\": [], \"extra\": 1}").post(FEEDBACK).then()
                .statusCode(400).body("violations.field", contains("extra", "feedback"));
        as(CdsKeysProfile.LAKESIDE_EHR).body("{\"feedback\": [").post(FEEDBACK).then().statusCode(400)
                .contentType("application/problem+json");
        as(CdsKeysProfile.LAKESIDE_EHR).body(feedback(item(UUID.randomUUID().toString(), "accepted", "")))
                .post(FEEDBACK).then().statusCode(400).body("violations.field", contains("feedback[0].card"));

        assertThat(verifiedRecords(CdsKeysProfile.LAKESIDE_EHR)).isEqualTo(before);
    }

    @Test
    void anotherClinicsCardIsUnknownAndNothingOfTheBodyIsRecorded() throws IOException {
        String lakesides = referralCard(CdsKeysProfile.LAKESIDE_EHR);
        String harbors = referralCard(CdsKeysProfile.HARBOR_EHR);
        int before = verifiedRecords(CdsKeysProfile.HARBOR_EHR);

        as(CdsKeysProfile.HARBOR_EHR).body(feedback(item(harbors, "accepted", ""), item(lakesides, "accepted", "")))
                .post(FEEDBACK).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("feedback[1].card"))
                .body("toString()", org.hamcrest.Matchers.not(containsString("lakeside")));

        assertThat(verifiedRecords(CdsKeysProfile.HARBOR_EHR)).isEqualTo(before);
    }

    @Test
    void anUnknownServiceIsA404AndFeedbackNeedsTheRolesOfTheServiceCall() throws IOException {
        String card = referralCard(CdsKeysProfile.LAKESIDE_EHR);
        String body = feedback(item(card, "accepted", ""));

        as(CdsKeysProfile.LAKESIDE_EHR).body(body).post("/cds-services/other-service/feedback").then()
                .statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body(body).post(FEEDBACK).then().statusCode(401);
        as(CdsKeysProfile.LAKESIDE_PROVIDER).body(body).post(FEEDBACK).then().statusCode(403);
        as(CdsKeysProfile.LAKESIDE_ADMIN).body(body).post(FEEDBACK).then().statusCode(200);
        given().header("X-API-Key", CdsKeysProfile.LAKESIDE_EHR).contentType("text/plain").body(body).post(FEEDBACK)
                .then().statusCode(415);
        String comment = ", \"overrideReason\": {\"userComment\": \"" + "x".repeat(900) + "\"}";
        as(CdsKeysProfile.LAKESIDE_EHR).body(feedback(java.util.Collections.nCopies(80, item(card, "overridden",
                comment)).toArray(String[]::new))).post(FEEDBACK).then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void aPatientClearedByAProviderGetsAnInfoCardWithValidUntilBesideTheScreeningsCard() throws IOException {
        String patient = patient();
        String cleared = reviewedReferral(patient, "{\"decision\": \"CLEARED\", \"rationale\": \"Antiviral cover.\", "
                + "\"validUntil\": \"" + TODAY.plusDays(60) + "\"}");

        callHook(CdsKeysProfile.LAKESIDE_EHR, patient)
                .body("cards", hasSize(2))
                .body("cards[0].indicator", equalTo("warning"))
                .body("cards[1].indicator", equalTo("info"))
                .body("cards[1].summary", containsString(TODAY.plusDays(60).toString()))
                .body("cards[1].detail", containsString(cleared));
        as(CdsKeysProfile.LAKESIDE_EHR).get("/api/v1/clearances?patientReference=" + patient).then()
                .statusCode(200).body("status", equalTo("CLEARED")).body("screeningId", equalTo(cleared));
    }

    @Test
    void noInfoCardWhenDeclinedPendingUnknownOrOfAnotherClinic() throws IOException {
        String declined = patient();
        reviewedReferral(declined, "{\"decision\": \"DECLINED\", \"rationale\": \"Outbreaks every month.\"}");
        String cleared = patient();
        reviewedReferral(cleared, "{\"decision\": \"CLEARED\", \"rationale\": \"Antiviral cover.\"}");

        callHook(CdsKeysProfile.LAKESIDE_EHR, declined).body("cards", hasSize(1));
        callHook(CdsKeysProfile.LAKESIDE_EHR, patient()).body("cards", hasSize(1));
        callHook(CdsKeysProfile.HARBOR_EHR, cleared).body("cards", hasSize(1));
        callHook(CdsKeysProfile.LAKESIDE_EHR, cleared).body("cards", hasSize(2));
    }
}
