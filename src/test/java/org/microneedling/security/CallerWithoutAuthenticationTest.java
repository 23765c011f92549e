package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** With authentication switched off (the test profile), every caller is the anonymous one and no role is checked. */
@QuarkusTest
class CallerWithoutAuthenticationTest {

    @Test
    void theAnonymousCallerOfTheDefaultClinicHoldsEveryRole() {
        given().get("/api/v1/me").then().statusCode(200)
                .body("clientId", nullValue())
                .body("name", equalTo("anonymous"))
                .body("clinicId", equalTo("default"))
                .body("roles", contains(Roles.ADMIN, Roles.AUDIT, Roles.MEDICAL_DIRECTOR, Roles.PROVIDER,
                        Roles.SCREENING));
    }

    @Test
    void theOperationIsPublishedAsOneThatNeedsCredentials() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/me'.get.tags", contains("Caller"))
                .body("paths.'/api/v1/me'.get.summary", equalTo("The caller"))
                .body("paths.'/api/v1/me'.get.responses", hasKey("401"));
    }
}
