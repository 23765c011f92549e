package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
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
}
