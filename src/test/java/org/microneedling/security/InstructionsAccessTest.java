package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The patient's sheet with authentication on: every role of the clinic may read it (a receptionist holds only
 * {@code screening}), another clinic's key finds nothing, and no key gets a 401.
 */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class InstructionsAccessTest {

    @BeforeEach
    void waitUntilReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static String screenAsReceptionist() {
        return given().header("X-API-Key", TestCredentials.SCREENING_KEY).contentType("application/json")
                .body(SampleRequests.ELIGIBLE).post("/api/v1/screenings").then().statusCode(200).extract()
                .path("screeningId");
    }

    private static Response instructions(String key, String id) {
        return given().header("X-API-Key", key).accept("application/json")
                .get("/api/v1/screenings/{id}/instructions", id);
    }

    @ParameterizedTest
    @ValueSource(strings = { TestCredentials.SCREENING_KEY, TestCredentials.SECOND_SCREENING_KEY,
            TestCredentials.AUDIT_KEY, TestCredentials.ADMIN_KEY, TestCredentials.PROVIDER_KEY,
            TestCredentials.MEDICAL_DIRECTOR_KEY })
    void everyRoleOfTheClinicMayReadTheSheet(String key) {
        String id = screenAsReceptionist();

        instructions(key, id).then().statusCode(200).body("screeningId", equalTo(id))
                .body("status", equalTo("ELIGIBLE"));
    }

    @Test
    void anotherClinicsKeyFindsNothingExactlyAsForAnUnknownId() {
        String id = screenAsReceptionist();
        String unknown = UUID.randomUUID().toString();

        Response foreign = instructions(TestCredentials.NORTH_KEY, id);
        Response none = instructions(TestCredentials.NORTH_KEY, unknown);

        foreign.then().statusCode(404);
        none.then().statusCode(404);
        assertThat(foreign.asString().replace(id, "<id>")).isEqualTo(none.asString().replace(unknown, "<id>"));
    }

    @Test
    void withoutCredentialsTheAnswerIs401() {
        given().accept("text/html").get("/api/v1/screenings/{id}/instructions", screenAsReceptionist())
                .then().statusCode(401).contentType("application/problem+json");
    }
}
