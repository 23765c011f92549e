package org.microneedling.frontdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Screenings recorded through the API with a clinic's key, for a replay to decide again or a provider to review. */
final class RecordedScreenings {

    /** Radiation therapy that ended 8 months before asOf: inside the default 12-month window, outside 6 months. */
    static final String RADIATION_ENDED = "2026-03-25";

    private RecordedScreenings() {
    }

    static String eligibleBaseline(String key) {
        return record(key, TestScripts.load("/samples/eligible-baseline.json"), "ELIGIBLE");
    }

    /** The baseline patient, ineligible under the default policy for RECENT_RADIATION alone. */
    static String irradiated(String key) {
        String body = TestScripts.load("/samples/eligible-baseline.json").replace("\"radiationTherapy\": \"NO\"",
                "\"radiationTherapy\": \"YES\", \"radiationTherapyEndDate\": \"" + RADIATION_ENDED + "\"");
        return record(key, body, "INELIGIBLE");
    }

    /** A patient who gets cold sores, referred to a provider, under the clinic's own patient reference. */
    static String referred(String key, String patientReference) {
        return record(key, referral(patientReference), "REFER_TO_PROVIDER");
    }

    static String referral(String patientReference) {
        return TestScripts.load("/samples/refer-cold-sore-history.json").replace("\"asOf\"",
                "\"patientReference\": \"" + patientReference + "\", \"asOf\"");
    }

    private static String record(String key, String body, String expectedOutcome) {
        return given().header("X-API-Key", key).contentType("application/json").body(body)
                .post("/api/v1/screenings")
                .then().statusCode(200)
                .body("outcome", equalTo(expectedOutcome))
                .extract().path("screeningId");
    }
}
