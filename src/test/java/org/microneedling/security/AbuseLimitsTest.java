package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Abusive bodies are refused with 400 or 413 problem+json, never a 500, a stack trace or a class name. The
 * limits hold with authentication off as well, so the default test profile is enough.
 */
@QuarkusTest
class AbuseLimitsTest {

    private static final String VALID = SampleRequests.ELIGIBLE;

    static Stream<Arguments> abusiveBodies() {
        return Stream.of(
                Arguments.of("a 5,000-character medication", 400,
                        VALID.replace("metformin 500 mg", "m".repeat(5_000)), "text value"),
                Arguments.of("a 20,000-character external reference", 400,
                        VALID.replace("visit-sec-0001", "r".repeat(20_000)), "text value"),
                Arguments.of("a number with 100 digits", 400,
                        VALID.replace("\"needleDepthMm\": 1.0", "\"needleDepthMm\": 1." + "0".repeat(100)), "digits"),
                Arguments.of("a number with a huge exponent", 400,
                        VALID.replace("\"needleDepthMm\": 1.0", "\"needleDepthMm\": 1e999999999"), "needleDepthMm"),
                Arguments.of("an age beyond every integer type", 400,
                        VALID.replace("\"dateOfBirth\": \"1990-06-15\"", "\"age\": 99999999999999999999999"), "age"),
                Arguments.of("a 1,000-character property name", 400,
                        "{\"" + "n".repeat(1_000) + "\": 1}", "property name"),
                Arguments.of("30,000 array elements", 400,
                        "{\"medications\": [" + "1,".repeat(30_000) + "1]}", "JSON values"),
                Arguments.of("nesting 200 levels deep", 400,
                        "[".repeat(200) + "]".repeat(200), "nests"),
                Arguments.of("a body over 64 KiB", 413,
                        VALID.replace("visit-sec-0001", "visit") + " ".repeat(70_000), "bytes"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("abusiveBodies")
    void aSingleScreeningRefusesAbuseWithAProblem(String description, int status, String body, String detail) {
        given().contentType("application/json").body(body).post("/api/v1/screenings")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body(anyOf(containsString(detail), containsString("\"field\"")))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    static Stream<Arguments> abusiveBatches() {
        return Stream.of(
                Arguments.of("1,001 questionnaires", 400, "[" + (VALID + ",").repeat(1_000) + VALID + "]"),
                Arguments.of("a 5,000-character string in one item", 400,
                        "[" + VALID.replace("metformin 500 mg", "m".repeat(5_000)) + "]"),
                Arguments.of("3 million tokens", 400, "[" + "[],".repeat(1_000_000) + "[]]"),
                Arguments.of("a body over the 4 MiB outer limit", 413, "[" + " ".repeat(4_300_000) + "]"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("abusiveBatches")
    void aBatchRefusesAbuseWithAProblem(String description, int status, String body) {
        given().contentType("application/json").body(body).post("/api/v1/screenings/batch")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")));
    }
}
