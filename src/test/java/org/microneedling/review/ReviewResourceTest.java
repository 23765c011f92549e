package org.microneedling.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.microneedling.screening.Questionnaires;

/** Contract section 4 over HTTP: queue, reviews, status and clearances, for two clinics that never meet. */
@QuarkusTest
@TestProfile(ReviewKeysProfile.class)
class ReviewResourceTest {

    private static final String CLEARED = "{\"decision\": \"CLEARED\", \"rationale\": \"Antiviral cover arranged.\", "
            + "\"conditions\": [\"Start valaciclovir two days before\"]}";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    static RequestSpecification as(String key) {
        return given().header("X-API-Key", key).contentType("application/json");
    }

    @BeforeEach
    void indexIsRead() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/clearances?patientReference=warm-up").statusCode()
                == 503 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** A screening of the clinic whose desk key is given; returns its id. */
    static String screen(String deskKey, Questionnaires questionnaire, String expectedOutcome) {
        return as(deskKey).body(questionnaire.json()).post("/api/v1/screenings").then().statusCode(200)
                .body("outcome", equalTo(expectedOutcome)).extract().path("screeningId");
    }

    static Questionnaires referral(String patientReference) {
        return Questionnaires.eligible().answer("history.coldSoreHistory", "YES")
                .with("patientReference", "\"" + patientReference + "\"");
    }

    static String referral(String deskKey, String patientReference) {
        return screen(deskKey, referral(patientReference), "REFER_TO_PROVIDER");
    }

    private static String patient() {
        return "pt-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ExtractableResponse<Response> review(String key, String screeningId, String body, int status) {
        return as(key).body(body).post("/api/v1/screenings/" + screeningId + "/reviews").then().statusCode(status)
                .extract();
    }

    /** Every item of the queue under a filter, page by page. */
    static List<Map<String, Object>> wholeQueue(String key, String status, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as(key).queryParam("status", status).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/reviews").then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return items;
    }

    private static List<Object> ids(List<Map<String, Object>> items) {
        return items.stream().map(item -> item.get("screeningId")).toList();
    }

    @Test
    void aReferralWaitsInTheQueueWithItsReasonsUntilAProviderClearsIt() {
        String patient = patient();
        String id = referral(ReviewKeysProfile.LAKESIDE_DESK, patient);

        Map<String, Object> item = wholeQueue(ReviewKeysProfile.LAKESIDE_PROVIDER, "PENDING", 50).stream()
                .filter(candidate -> id.equals(candidate.get("screeningId"))).findFirst().orElseThrow();
        assertThat(item).containsEntry("patientReference", patient).containsEntry("externalReference",
                "visit-test-0001").containsEntry("asOf", "2026-11-25").containsEntry("status", "PENDING_REVIEW")
                .containsKey("evaluatedAt");
        assertThat(item.get("reasons")).asList().singleElement().isEqualTo(Map.of("code", "COLD_SORE_HISTORY",
                "outcome", "REFER_TO_PROVIDER", "message", ((Map<?, ?>) ((List<?>) item.get("reasons")).get(0))
                        .get("message")));

        ExtractableResponse<Response> answer = review(ReviewKeysProfile.LAKESIDE_PROVIDER, id, CLEARED, 201);
        assertThat(answer.header("Location")).endsWith("/api/v1/screenings/" + id + "/status");
        assertThat(answer.jsonPath().getString("screeningId")).isEqualTo(id);
        assertThat(answer.jsonPath().getString("reviewId")).matches("[0-9a-f-]{36}");
        assertThat(answer.jsonPath().getString("decision")).isEqualTo("CLEARED");
        assertThat(answer.jsonPath().getList("conditions")).containsExactly("Start valaciclovir two days before");
        assertThat(answer.jsonPath().getString("validUntil")).as("asOf + clearanceMaxDays").isEqualTo("2027-11-25");
        assertThat(answer.jsonPath().getMap("reviewer")).isEqualTo(Map.of("id", "lakeside-provider", "name",
                "lakeside-provider"));
        assertThat(Instant.parse(answer.jsonPath().getString("reviewedAt"))).isBefore(Instant.now().plusSeconds(1));

        as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/" + id + "/status").then().statusCode(200)
                .body("screeningId", equalTo(id))
                .body("outcome", equalTo("REFER_TO_PROVIDER"))
                .body("status", equalTo("CLEARED"))
                .body("validUntil", equalTo("2027-11-25"))
                .body("reviews.reviewId", contains(answer.jsonPath().getString("reviewId")));
        as(ReviewKeysProfile.LAKESIDE_DESK).queryParam("patientReference", patient).get("/api/v1/clearances").then()
                .statusCode(200)
                .body("patientReference", equalTo(patient))
                .body("status", equalTo("CLEARED"))
                .body("validUntil", equalTo("2027-11-25"))
                .body("screeningId", equalTo(id));
        assertThat(ids(wholeQueue(ReviewKeysProfile.LAKESIDE_PROVIDER, "PENDING", 200))).doesNotContain(id);
        assertThat(ids(wholeQueue(ReviewKeysProfile.LAKESIDE_DIRECTOR, "CLEARED", 200))).contains(id);
        assertThat(ids(wholeQueue(ReviewKeysProfile.LAKESIDE_DIRECTOR, "ALL", 200))).contains(id);
    }

    @Test
    void thePatientsSheetFollowsTheProvidersWord() {
        String cleared = referral(ReviewKeysProfile.LAKESIDE_DESK, patient());
        String declined = referral(ReviewKeysProfile.LAKESIDE_DESK, patient());
        assertThat(sheetSections(cleared, "PENDING_REVIEW")).contains("before", "after");

        review(ReviewKeysProfile.LAKESIDE_PROVIDER, cleared, CLEARED, 201);
        review(ReviewKeysProfile.LAKESIDE_PROVIDER, declined,
                "{\"decision\": \"DECLINED\", \"rationale\": \"Outbreaks monthly; not now.\"}", 201);

        assertThat(sheetSections(cleared, "CLEARED")).contains("before", "day-of-treatment", "after");
        assertThat(sheetSections(declined, "DECLINED")).as("no aftercare for a patient who will not be treated")
                .doesNotContain("before", "day-of-treatment", "after");
    }

    private static List<Object> sheetSections(String screeningId, String status) {
        return as(ReviewKeysProfile.LAKESIDE_DESK).accept("application/json")
                .get("/api/v1/screenings/" + screeningId + "/instructions")
                .then().statusCode(200).body("status", equalTo(status))
                .extract().jsonPath().getList("sections.id");
    }

    @Test
    void aLaterReviewSupersedesAnEarlierOneAndEveryReviewIsKept() {
        String id = referral(ReviewKeysProfile.LAKESIDE_DESK, patient());

        review(ReviewKeysProfile.LAKESIDE_PROVIDER, id,
                "{\"decision\": \"MORE_INFORMATION_NEEDED\", \"rationale\": \"When was the last outbreak?\"}", 201);
        as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/" + id + "/status").then()
                .body("status", equalTo("MORE_INFORMATION_NEEDED")).body("validUntil", nullValue());
        assertThat(wholeQueue(ReviewKeysProfile.LAKESIDE_PROVIDER, "PENDING", 200)).filteredOn(
                item -> id.equals(item.get("screeningId"))).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("status", "MORE_INFORMATION_NEEDED"));

        review(ReviewKeysProfile.LAKESIDE_DIRECTOR, id,
                "{\"decision\": \"DECLINED\", \"rationale\": \"Outbreaks monthly; not now.\", \"conditions\": null}",
                201);

        as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/" + id + "/status").then()
                .body("status", equalTo("DECLINED"))
                .body("reviews.decision", contains("MORE_INFORMATION_NEEDED", "DECLINED"))
                .body("reviews.reviewer.id", contains("lakeside-provider", "lakeside-director"))
                .body("reviews[1].conditions", empty());
        assertThat(ids(wholeQueue(ReviewKeysProfile.LAKESIDE_PROVIDER, "PENDING", 200))).doesNotContain(id);
        assertThat(ids(wholeQueue(ReviewKeysProfile.LAKESIDE_PROVIDER, "DECLINED", 200))).contains(id);
    }

    @Test
    void eligibleAndIneligibleScreeningsHaveTheirOutcomeAsStatusAndAnEligibleOneExpires() {
        String patient = patient();
        String eligible = screen(ReviewKeysProfile.LAKESIDE_DESK, Questionnaires.eligible()
                .with("patientReference", "\"" + patient + "\"").with("asOf", "\"" + TODAY + "\""), "ELIGIBLE");
        String old = screen(ReviewKeysProfile.LAKESIDE_DESK, Questionnaires.eligible().with("asOf", "\"2026-10-01\""),
                "ELIGIBLE");
        String ineligible = screen(ReviewKeysProfile.LAKESIDE_DESK,
                Questionnaires.eligible().answer("history.psoriasis", "YES"), "INELIGIBLE");

        as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/" + eligible + "/status").then().statusCode(200)
                .body("status", equalTo("ELIGIBLE")).body("validUntil", equalTo(TODAY.plusDays(30).toString()))
                .body("reviews", empty());
        as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/" + old + "/status").then().statusCode(200)
                .body("outcome", equalTo("ELIGIBLE")).body("status", equalTo("EXPIRED"))
                .body("validUntil", equalTo("2026-10-31"));
        as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/" + ineligible + "/status").then()
                .statusCode(200).body("status", equalTo("INELIGIBLE")).body("validUntil", nullValue());
        as(ReviewKeysProfile.LAKESIDE_DESK).queryParam("patientReference", patient).get("/api/v1/clearances").then()
                .statusCode(200).body("status", equalTo("ELIGIBLE")).body("screeningId", equalTo(eligible));

        String later = referral(ReviewKeysProfile.LAKESIDE_DESK, patient);
        as(ReviewKeysProfile.LAKESIDE_DESK).queryParam("patientReference", patient).get("/api/v1/clearances").then()
                .statusCode(200).body("status", equalTo("PENDING_REVIEW")).body("screeningId", equalTo(later))
                .body("validUntil", nullValue());
    }

    @Test
    void aClearancePastItsValidUntilIsExpired() {
        String patient = patient();
        String id = screen(ReviewKeysProfile.LAKESIDE_DESK, referral(patient).with("asOf", "\"2025-10-01\""),
                "REFER_TO_PROVIDER");

        review(ReviewKeysProfile.LAKESIDE_PROVIDER, id, CLEARED, 201);

        as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/" + id + "/status").then()
                .body("status", equalTo("EXPIRED")).body("validUntil", equalTo("2026-10-01"));
        as(ReviewKeysProfile.LAKESIDE_DESK).queryParam("patientReference", patient).get("/api/v1/clearances").then()
                .body("status", equalTo("EXPIRED"));
    }

    @Test
    void theStoredResultIsStillAnsweredByteForByte() {
        var screened = as(ReviewKeysProfile.LAKESIDE_DESK).body(referral(patient()).json())
                .post("/api/v1/screenings").then().statusCode(200).extract();
        String id = screened.path("screeningId");
        review(ReviewKeysProfile.LAKESIDE_PROVIDER, id, CLEARED, 201);

        assertThat(as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/" + id).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(screened.asByteArray());
    }

    static Stream<Arguments> badReviews() {
        return Stream.of(
                Arguments.of("{\"rationale\": \"ok\"}", "decision"),
                Arguments.of("{\"decision\": \"APPROVED\", \"rationale\": \"ok\"}", "decision"),
                Arguments.of("{\"decision\": \"cleared\", \"rationale\": \"ok\"}", "decision"),
                Arguments.of("{\"decision\": \"CLEARED\"}", "rationale"),
                Arguments.of("{\"decision\": \"CLEARED\", \"rationale\": \"  \"}", "rationale"),
                Arguments.of("{\"decision\": \"CLEARED\", \"rationale\": 42}", "rationale"),
                Arguments.of("{\"decision\": \"CLEARED\", \"rationale\": \"" + "x".repeat(2001) + "\"}", "rationale"),
                Arguments.of("{\"decision\": \"CLEARED\", \"rationale\": \"ok\", \"conditions\": \"none\"}",
                        "conditions"),
                Arguments.of("{\"decision\": \"CLEARED\", \"rationale\": \"ok\", \"conditions\": ["
                        + "\"a\",\"a\",\"a\",\"a\",\"a\",\"a\",\"a\",\"a\",\"a\",\"a\",\"a\"]}", "conditions"),
                Arguments.of("{\"decision\": \"CLEARED\", \"rationale\": \"ok\", \"conditions\": [\"a\", \""
                        + "y".repeat(201) + "\"]}", "conditions[1]"),
                Arguments.of("{\"decision\": \"CLEARED\", \"rationale\": \"ok\", \"conditions\": [\"a\", 7]}",
                        "conditions[1]"),
                Arguments.of("{\"decision\": \"DECLINED\", \"rationale\": \"ok\", \"validUntil\": \"2027-01-01\"}",
                        "validUntil"),
                Arguments.of("{\"decision\": \"CLEARED\", \"rationale\": \"ok\", \"validUntil\": \"2027-02-30\"}",
                        "validUntil"),
                Arguments.of("{\"decision\": \"CLEARED\", \"rationale\": \"ok\", \"validUntil\": \"01/02/2027\"}",
                        "validUntil"),
                Arguments.of("{\"decision\": \"CLEARED\", \"rationale\": \"ok\", \"validUntil\": \""
                        + TODAY.minusDays(1) + "\"}", "validUntil"),
                Arguments.of("{\"decision\": \"CLEARED\", \"rationale\": \"ok\", \"validUntil\": \"2027-11-26\"}",
                        "validUntil"),
                Arguments.of("{\"decision\": \"CLEARED\", \"rationale\": \"ok\", \"reviewer\": {\"id\": \"dr-x\"}}",
                        "reviewer"),
                Arguments.of("{\"decision\": \"CLEARED\", \"rationale\": \"ok\", \"note\": \"x\"}", "note"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badReviews")
    void aBadReviewIsA400NamingTheFieldAndRecordsNothing(String body, String field) {
        String id = referral(ReviewKeysProfile.LAKESIDE_DESK, patient());

        review(ReviewKeysProfile.LAKESIDE_PROVIDER, id, body, 400).response().then()
                .contentType("application/problem+json")
                .body("type", equalTo("urn:microneedling-screening:problem:invalid-input"))
                .body("violations.field", contains(field));
        as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/" + id + "/status").then()
                .body("status", equalTo("PENDING_REVIEW")).body("reviews", empty());
    }

    @Test
    void aClearanceUntilTheLastDayThePolicyAllowsIsAccepted() {
        String id = referral(ReviewKeysProfile.LAKESIDE_DESK, patient());

        review(ReviewKeysProfile.LAKESIDE_PROVIDER, id,
                "{\"decision\": \"CLEARED\", \"rationale\": \"ok\", \"validUntil\": \"2027-11-25\"}", 201);
        review(ReviewKeysProfile.LAKESIDE_PROVIDER, id,
                "{\"decision\": \"CLEARED\", \"rationale\": \"ok\", \"validUntil\": \"" + TODAY + "\"}", 201);
        as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/" + id + "/status").then()
                .body("status", equalTo("CLEARED")).body("validUntil", equalTo(TODAY.toString()));
    }

    @Test
    void aBodyThatIsNotAJsonObjectOrNotJsonIsRefused() {
        String id = referral(ReviewKeysProfile.LAKESIDE_DESK, patient());

        review(ReviewKeysProfile.LAKESIDE_PROVIDER, id, "[1]", 400);
        review(ReviewKeysProfile.LAKESIDE_PROVIDER, id, "{\"decision\": ", 400);
        review(ReviewKeysProfile.LAKESIDE_PROVIDER, id, "", 400);
        given().header("X-API-Key", ReviewKeysProfile.LAKESIDE_PROVIDER).contentType("text/plain").body(CLEARED)
                .post("/api/v1/screenings/" + id + "/reviews").then().statusCode(415);
    }

    @Test
    void onlyAReferralCanBeReviewed() {
        String eligible = screen(ReviewKeysProfile.LAKESIDE_DESK, Questionnaires.eligible(), "ELIGIBLE");

        review(ReviewKeysProfile.LAKESIDE_PROVIDER, eligible, CLEARED, 409).response().then()
                .contentType("application/problem+json")
                .body("type", equalTo("urn:microneedling-screening:problem:conflict"));
        as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/" + eligible + "/status").then()
                .body("reviews", empty());
    }

    @Test
    void anotherClinicsScreeningIsAnsweredExactlyLikeAnUnknownOne() {
        String harbors = referral(ReviewKeysProfile.HARBOR_DESK, "pt-harbor-only-3391");
        String unknown = UUID.randomUUID().toString();

        for (String id : List.of(harbors, unknown)) {
            String reviewed = review(ReviewKeysProfile.LAKESIDE_PROVIDER, id, CLEARED, 404).asString();
            String status = as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/" + id + "/status").then()
                    .statusCode(404).extract().asString();
            assertThat(reviewed.replace(id, "<id>")).isEqualTo(review(ReviewKeysProfile.LAKESIDE_PROVIDER,
                    unknown, CLEARED, 404).asString().replace(unknown, "<id>"));
            assertThat(status.replace(id, "<id>")).isEqualTo(as(ReviewKeysProfile.LAKESIDE_DESK)
                    .get("/api/v1/screenings/" + unknown + "/status").then().extract().asString()
                    .replace(unknown, "<id>"));
        }
        String foreignPatient = as(ReviewKeysProfile.LAKESIDE_DESK).queryParam("patientReference",
                "pt-harbor-only-3391").get("/api/v1/clearances").then().statusCode(404).extract().asString();
        String unknownPatient = as(ReviewKeysProfile.LAKESIDE_DESK).queryParam("patientReference",
                "pt-nobody-0000").get("/api/v1/clearances").then().statusCode(404).extract().asString();
        assertThat(foreignPatient).isEqualTo(unknownPatient);
        assertThat(ids(wholeQueue(ReviewKeysProfile.LAKESIDE_PROVIDER, "ALL", 200))).doesNotContain(harbors);
        assertThat(ids(wholeQueue(ReviewKeysProfile.HARBOR_PROVIDER, "ALL", 200))).contains(harbors)
                .allSatisfy(id -> assertThat(as(ReviewKeysProfile.HARBOR_DESK)
                        .get("/api/v1/screenings/" + id + "/status").statusCode()).isEqualTo(200));
        as(ReviewKeysProfile.HARBOR_DESK).queryParam("patientReference", "pt-harbor-only-3391")
                .get("/api/v1/clearances").then().statusCode(200).body("screeningId", equalTo(harbors));
    }

    @Test
    void aScreeningIdThatIsNotAUuidIsA400() {
        review(ReviewKeysProfile.LAKESIDE_PROVIDER, "1-2-3-4-5", CLEARED, 400).response().then()
                .body("violations.field", contains("screeningId"));
        as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/not-a-uuid/status").then().statusCode(400)
                .body("violations.field", contains("screeningId"));
    }

    @Test
    void onlyProvidersAndMedicalDirectorsReadTheQueueAndReview() {
        String id = referral(ReviewKeysProfile.LAKESIDE_DESK, patient());

        for (String key : List.of(ReviewKeysProfile.LAKESIDE_ADMIN, ReviewKeysProfile.LAKESIDE_DESK)) {
            as(key).get("/api/v1/reviews").then().statusCode(403).contentType("application/problem+json");
            review(key, id, CLEARED, 403);
        }
        given().get("/api/v1/reviews").then().statusCode(401);
        as(ReviewKeysProfile.LAKESIDE_DIRECTOR).get("/api/v1/reviews").then().statusCode(200);
        for (String key : List.of(ReviewKeysProfile.LAKESIDE_ADMIN, ReviewKeysProfile.LAKESIDE_DESK,
                ReviewKeysProfile.LAKESIDE_PROVIDER, ReviewKeysProfile.LAKESIDE_DIRECTOR)) {
            as(key).get("/api/v1/screenings/" + id + "/status").then().statusCode(200);
            as(key).queryParam("patientReference", "pt-nobody-0000").get("/api/v1/clearances").then().statusCode(404);
        }
        as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/" + id + "/status").then()
                .body("reviews", empty());
    }

    static Stream<Arguments> badQueueParameters() {
        return Stream.of(
                Arguments.of("status", "OPEN", "status"),
                Arguments.of("status", "pending", "status"),
                Arguments.of("limit", "0", "limit"),
                Arguments.of("limit", "201", "limit"),
                Arguments.of("limit", "ten", "limit"),
                Arguments.of("limit", "99999999999", "limit"),
                Arguments.of("cursor", "not-a-cursor", "cursor"),
                Arguments.of("cursor", "cTF8QUxMfDE.AAAA", "cursor"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badQueueParameters")
    void aBadQueueParameterIsA400NamingIt(String parameter, String value, String field) {
        as(ReviewKeysProfile.LAKESIDE_PROVIDER).queryParam(parameter, value).get("/api/v1/reviews").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", contains(field));
    }

    @Test
    void theQueueIsOldestFirstAndPagesWithoutGapsOrRepeats() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(referral(ReviewKeysProfile.LAKESIDE_DESK, patient()));
        }

        List<Map<String, Object>> byOne = wholeQueue(ReviewKeysProfile.LAKESIDE_PROVIDER, "ALL", 1);
        List<Map<String, Object>> byMany = wholeQueue(ReviewKeysProfile.LAKESIDE_PROVIDER, "ALL", 200);

        assertThat(ids(byOne)).isEqualTo(ids(byMany)).doesNotHaveDuplicates();
        assertThat(ids(byOne).stream().filter(mine::contains).toList()).isEqualTo(List.copyOf(mine));
        assertThat(byOne.stream().map(item -> Instant.parse((String) item.get("evaluatedAt"))).toList()).isSorted();
        as(ReviewKeysProfile.LAKESIDE_PROVIDER).queryParam("status", "ALL").queryParam("limit", 200)
                .get("/api/v1/reviews").then().body("nextCursor", nullValue());
    }

    @Test
    void aChangedForeignOrOtherFilterCursorIsA400() {
        for (int i = 0; i < 2; i++) {
            referral(ReviewKeysProfile.LAKESIDE_DESK, patient());
            referral(ReviewKeysProfile.HARBOR_DESK, patient());
        }
        String lakesides = as(ReviewKeysProfile.LAKESIDE_PROVIDER).queryParam("status", "ALL").queryParam("limit", 1)
                .get("/api/v1/reviews").then().statusCode(200).extract().path("nextCursor");
        String harbors = as(ReviewKeysProfile.HARBOR_PROVIDER).queryParam("status", "ALL").queryParam("limit", 1)
                .get("/api/v1/reviews").then().statusCode(200).extract().path("nextCursor");
        as(ReviewKeysProfile.LAKESIDE_PROVIDER).queryParam("status", "ALL").queryParam("cursor", lakesides)
                .get("/api/v1/reviews").then().statusCode(200);

        char last = lakesides.charAt(lakesides.length() - 1);
        String changed = lakesides.substring(0, lakesides.length() - 1) + (last == 'A' ? 'B' : 'A');
        String payloadChanged = (lakesides.charAt(0) == 'c' ? 'd' : 'c') + lakesides.substring(1);
        for (String cursor : List.of(changed, payloadChanged, harbors)) {
            as(ReviewKeysProfile.LAKESIDE_PROVIDER).queryParam("status", "ALL").queryParam("cursor", cursor)
                    .get("/api/v1/reviews").then().statusCode(400).body("violations.field", contains("cursor"));
        }
        as(ReviewKeysProfile.LAKESIDE_PROVIDER).queryParam("status", "PENDING").queryParam("cursor", lakesides)
                .get("/api/v1/reviews").then().statusCode(400).body("violations.field", contains("cursor"));
    }

    @Test
    void theClearanceLookUpNeedsAPatientReferenceOfAtMost64Characters() {
        as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/clearances").then().statusCode(400)
                .body("violations.field", contains("patientReference"));
        as(ReviewKeysProfile.LAKESIDE_DESK).queryParam("patientReference", "p".repeat(65)).get("/api/v1/clearances")
                .then().statusCode(400).body("violations.field", contains("patientReference"));
        as(ReviewKeysProfile.LAKESIDE_DESK).queryParam("patientReference", "p".repeat(64)).get("/api/v1/clearances")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void reviewsSentAtTheSameMomentAreAllRecordedInOneOrder() throws Exception {
        String id = referral(ReviewKeysProfile.LAKESIDE_DESK, patient());
        int before = as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/audit/verification").then().statusCode(200)
                .extract().path("records");
        int reviewers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(reviewers);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < reviewers; i++) {
            String decision = i % 2 == 0 ? "CLEARED" : "DECLINED";
            String key = i % 2 == 0 ? ReviewKeysProfile.LAKESIDE_PROVIDER : ReviewKeysProfile.LAKESIDE_DIRECTOR;
            calls.add(() -> review(key, id, "{\"decision\": \"" + decision + "\", \"rationale\": \"at once\"}", 201)
                    .path("reviewId"));
        }
        List<String> answered = new ArrayList<>();
        try {
            for (Future<String> future : pool.invokeAll(calls)) {
                answered.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        var status = as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/screenings/" + id + "/status").then()
                .statusCode(200).body("reviews", hasSize(reviewers)).extract().jsonPath();
        List<String> recorded = status.getList("reviews.reviewId");
        assertThat(recorded).containsExactlyInAnyOrderElementsOf(answered);
        List<Instant> times = status.getList("reviews.reviewedAt", String.class).stream().map(Instant::parse).toList();
        assertThat(times).as("one order, no two at the same instant").isSortedAccordingTo(Instant::compareTo)
                .doesNotHaveDuplicates();
        String lastDecision = status.getString("reviews[" + (reviewers - 1) + "].decision");
        assertThat(status.getString("status")).isEqualTo(lastDecision);
        as(ReviewKeysProfile.LAKESIDE_DESK).get("/api/v1/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("records", equalTo(before + reviewers));
    }
}
