package org.microneedling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        String log = awaitLogContaining(accessLine);

        assertThat(log).containsPattern(accessLine);
        assertThat(log).containsPattern("GET /api/v1/screenings/" + id + " 200 client="
                + TestCredentials.AUDIT_CLIENT + " latency_ms=[0-9.]+ screening=" + id);
        assertThat(log).containsPattern("POST /api/v1/screenings 401 client=- latency_ms=[0-9.]+ screening=-");
        assertThat(log).containsPattern("POST /api/v1/screenings/batch 200 client=" + TestCredentials.SCREENING_CLIENT);
        assertThat(log).as("the log really is at DEBUG").contains(" DEBUG ");
        for (String secret : List.of(MARK, "Zorvexiplatin", DATE_OF_BIRTH, EXTERNAL_REFERENCE,
                TestCredentials.SCREENING_KEY, TestCredentials.AUDIT_KEY, WRONG_KEY, "metformin")) {
            assertThat(log).as("the log must not contain %s", secret).doesNotContain(secret);
        }
    }

    private static String awaitLogContaining(Pattern pattern) throws IOException, InterruptedException {
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
