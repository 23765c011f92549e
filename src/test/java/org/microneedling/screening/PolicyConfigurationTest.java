package org.microneedling.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.microneedling.screening.rules.Ruleset;

/** A clinic's policy comes from configuration alone, and shows in the digest. */
@QuarkusTest
@TestProfile(PolicyConfigurationTest.StricterClinic.class)
class PolicyConfigurationTest {

    public static class StricterClinic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "screening.policy.minimum-age", "21",
                    "screening.policy.session-interval-days", "42",
                    "screening.policy.outcomes.KELOID_OR_HYPERTROPHIC_SCARRING", "REFER_TO_PROVIDER",
                    "screening.policy.outcomes.PREGNANCY", "INELIGIBLE",
                    "screening.some-future-setting", "ignored",
                    "an.unrelated.key", "ignored");
        }
    }

    @Test
    void thresholdsAndOutcomesFollowConfiguration() {
        ScreeningResourceTest.post(Questionnaires.minimal().with("patient.age", "20")
                .answer("history.keloidOrHypertrophicScarring", "YES")
                .answer("lastMicroneedlingDate", "2026-10-25"))
                .statusCode(200)
                .body("reasons.code", contains("UNDER_MINIMUM_AGE", "TOO_SOON_SINCE_LAST_SESSION",
                        "KELOID_OR_HYPERTROPHIC_SCARRING"))
                .body("reasons.outcome", contains("INELIGIBLE", "INELIGIBLE", "REFER_TO_PROVIDER"))
                .body("reasons[0].message", containsString("21"))
                .body("reasons[1].reassessAfter", equalTo("2026-12-06"));
    }

    @Test
    void unknownStaysAReferralEvenWhenYesIsMadeIneligible() {
        ScreeningResourceTest.post(Questionnaires.minimal().answer("patient.pregnant", "UNKNOWN"))
                .statusCode(200)
                .body("reasons[0].code", equalTo("PREGNANCY"))
                .body("reasons[0].outcome", equalTo("REFER_TO_PROVIDER"));
        ScreeningResourceTest.post(Questionnaires.minimal().answer("patient.pregnant", "YES"))
                .body("outcome", equalTo("INELIGIBLE"));
    }

    @Test
    void policyChangeChangesTheDigestAndTheCatalogue() {
        String digest = given().get("/api/v1/rules").then().statusCode(200)
                .body("rules.find { it.code == 'UNDER_MINIMUM_AGE' }.parameters.minimum-age", equalTo(21))
                .body("rules.find { it.code == 'PREGNANCY' }.defaultOutcome", equalTo("INELIGIBLE"))
                .extract().path("ruleset.digest");
        assertThat(digest).isNotEqualTo(Ruleset.defaults().digest());
    }
}
