package org.microneedling.screening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @Test
    void openApiDocumentsEveryEndpointWithExamples() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/screenings'.post.requestBody.content.'application/json'.examples.refer.value.patient.pregnant",
                        equalTo("NO"))
                .body("paths.'/api/v1/screenings'.post.responses.'200'.content.'application/json'.examples.refer.value.outcome",
                        equalTo("REFER_TO_PROVIDER"))
                .body("paths.'/api/v1/screenings'.post.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        containsString("Problem"))
                .body("paths.'/api/v1/screenings/batch'.post.responses.'200'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/rules'.get", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/questionnaire'.get", org.hamcrest.Matchers.notNullValue())
                .body("components.schemas.ScreeningRequest.properties.patient", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void healthEndpointsAnswerUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposed() {
        given().get("/api/v1/rules").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
