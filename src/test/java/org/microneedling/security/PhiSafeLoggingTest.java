package org.microneedling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Real requests carrying distinctive health-data-like values, with the whole log at DEBUG into a file: none of the
 * values, and no key, may appear in it, while the access line for each request does.
 */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class PhiSafeLoggingTest {

    private static final String MARK = UUID.randomUUID().toString().substring(0, 8);
    private static final String MEDICATION = "Zorvexiplatin" + MARK + " 20 mg";
    private static final String DATE_OF_BIRTH = "1941-03-17";
    private static final String EXTERNAL_REFERENCE = "extref-" + MARK;
    private static final String WRONG_KEY = "wrong-key-" + MARK;

    @Test
    void noHealthDataOrKeyIsLoggedAtAnyLevelButEveryRequestIsAccessLogged() throws Exception {
        String request = SampleRequests.request(EXTERNAL_REFERENCE, DATE_OF_BIRTH, MEDICATION);
        String id = AuthenticationTest.withKey(TestCredentials.SCREENING_KEY).contentType("application/json")
                .body(request).post("/api/v1/screenings").then().statusCode(200).extract().path("screeningId");
        AuthenticationTest.withKey(TestCredentials.SCREENING_KEY).contentType("application/json")
                .body("[" + request + "]").post("/api/v1/screenings/batch").then().statusCode(200);
        AuthenticationTest.withKey(TestCredentials.SCREENING_KEY).contentType("application/json")
                .body(request.replace("\"eczema\": \"NO\"", "\"eczema\": \"MAYBE-" + MARK + "\""))
                .post("/api/v1/screenings").then().statusCode(400);
        AuthenticationTest.withKey(TestCredentials.SCREENING_KEY).contentType("application/json")
                .body("{\"externalReference\": \"" + EXTERNAL_REFERENCE + "\", " + MEDICATION)
                .post("/api/v1/screenings").then().statusCode(400);
        AuthenticationTest.withKey(TestCredentials.SCREENING_KEY).contentType("application/json")
                .body(request.replace("\"asOf\": \"2026-11-25\"", "\"asOf\": \"1930-01-01\""))
                .post("/api/v1/screenings").then().statusCode(400);
        AuthenticationTest.withKey(WRONG_KEY).contentType("application/json").body(request)
                .post("/api/v1/screenings").then().statusCode(401);
        AuthenticationTest.withKey(TestCredentials.AUDIT_KEY).get("/api/v1/screenings/" + id).then().statusCode(200);

        Pattern accessLine = Pattern.compile("POST /api/v1/screenings 200 client=" + TestCredentials.SCREENING_CLIENT
                + " latency_ms=[0-9.]+ screening=" + id);
        // The server writes an access line after the answer has gone out: wait for the last request's line.
        Pattern readBackLine = Pattern.compile("GET /api/v1/screenings/" + id + " 200 client="
                + TestCredentials.AUDIT_CLIENT + " latency_ms=[0-9.]+ screening=" + id);
        String log = awaitLogContaining(readBackLine);

        assertThat(log).containsPattern(accessLine);
        assertThat(log).containsPattern(readBackLine);
        assertThat(log).containsPattern("POST /api/v1/screenings 401 client=- latency_ms=[0-9.]+ screening=-");
        assertThat(log).containsPattern("POST /api/v1/screenings/batch 200 client=" + TestCredentials.SCREENING_CLIENT);
        assertThat(log).as("the log really is at DEBUG").contains(" DEBUG ");
        for (String secret : List.of(MARK, "Zorvexiplatin", DATE_OF_BIRTH, EXTERNAL_REFERENCE,
                TestCredentials.SCREENING_KEY, TestCredentials.AUDIT_KEY, WRONG_KEY, "metformin")) {
            assertThat(log).as("the log must not contain %s", secret).doesNotContain(secret);
        }
    }

    @Test
    void aRequestAbandonedBeforeItsAnswerIsLoggedAsClosedNotAs200() throws Exception {
        String path = "/api/v1/screenings?abandoned=" + MARK;
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            // The body is announced but never sent in full, so no answer can be written before the close.
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 500\r\nX-API-Key: "
                    + TestCredentials.SCREENING_KEY + "\r\n\r\n{\"patient\":").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(200);
        }

        Pattern closedLine = Pattern.compile("POST /api/v1/screenings closed client=\\S+ latency_ms=[0-9.]+ screening=-");
        assertThat(awaitLogContaining(closedLine)).containsPattern(closedLine);
    }

    @Test
    void aMalformedGroupsClaimIsRefusedWithoutItsValueInTheLog() throws Exception {
        String value = "groups-" + UUID.randomUUID().toString().substring(0, 8);
        // The token builder refuses such a claim, so the token is signed by hand.
        org.jose4j.jwt.JwtClaims claims = new org.jose4j.jwt.JwtClaims();
        claims.setIssuer(TestCredentials.ISSUER);
        claims.setSubject("x");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setClaim("groups", Map.of("role", value));
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(TestCredentials.TRUSTED.getPrivate());
        jws.setAlgorithmHeaderValue(org.jose4j.jws.AlgorithmIdentifiers.RSA_USING_SHA256);
        String token = jws.getCompactSerialization();
        // Without roles it cannot pass; whether the library refuses the token (401) or reads no role (403) is its own.
        int status = io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/questionnaire").statusCode();
        assertThat(status).isIn(401, 403);

        Pattern line = Pattern.compile("GET /api/v1/questionnaire " + status + " client=\\S+ latency_ms=[0-9.]+");
        assertThat(awaitLogContaining(line)).containsPattern(line).doesNotContain(value);
    }

    static String awaitLogContaining(Pattern pattern) throws IOException, InterruptedException {
        Path file = Path.of(AuthEnabledProfile.LOG_FILE);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String log = "";
        while (System.nanoTime() < deadline) {
            log = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (pattern.matcher(log).find()) {
                return log;
            }
            Thread.sleep(100);
        }
        return log;
    }
}
