package org.microneedling.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LocationHeadersTest {

    private static final String QUESTIONNAIRE = """
            {"asOf": "2026-11-25",
             "patient": {"dateOfBirth": "1990-06-15", "pregnant": "NO", "breastfeeding": "NO", "fitzpatrickSkinType": "II"},
             "history": {"activeAcne": "NO", "activeColdSores": "NO", "coldSoreHistory": "NO",
               "otherActiveSkinInfection": "NO", "eczema": "NO", "psoriasis": "NO", "keloidOrHypertrophicScarring": "NO",
               "bleedingDisorder": "NO", "takesBloodThinners": "NO", "radiationTherapy": "NO",
               "topicalAnestheticAllergy": "NO", "isotretinoin": "NO", "skinCancerInTreatmentArea": "NO",
               "immunosuppressed": "NO", "metalAllergy": "NO", "sunburnInTreatmentArea": "NO"},
             "medications": [], "treatment": {"energyAssisted": false, "needleDepthMm": 1.0}}
            """;

    @Test
    void aForgedHostHeaderNeverReachesTheLocation() {
        given().header("Host", "evil.example").contentType("application/json").body(QUESTIONNAIRE)
                .post("/api/v1/screenings")
                .then().statusCode(200)
                .header("Location", matchesPattern("/api/v1/screenings/[0-9a-f-]{36}"));
    }

    @Test
    void aConfiguredPublicBaseUrlPrefixesThePath() {
        URI requestBase = URI.create("http://evil.example/");
        URI built = URI.create("http://evil.example/api/v1/policies/3?x=1");

        assertThat(LocationHeaders.rewrite(built, requestBase, Optional.empty())).isEqualTo("/api/v1/policies/3?x=1");
        assertThat(LocationHeaders.rewrite(built, requestBase, Optional.of("https://screening.clinic.example")))
                .isEqualTo("https://screening.clinic.example/api/v1/policies/3?x=1");
        assertThat(LocationHeaders.rewrite(URI.create("https://idp.example/auth"), requestBase, Optional.empty()))
                .as("an address elsewhere is kept").isNull();
        assertThat(LocationHeaders.rewrite(URI.create("/api/v1/x"), requestBase, Optional.empty()))
                .as("a relative one too").isNull();
    }
}
