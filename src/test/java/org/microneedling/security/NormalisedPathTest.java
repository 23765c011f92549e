package org.microneedling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The router answers a path after normalising it (dot segments, repeated slashes, percent-encoded letters); the
 * headers and the access line must judge the same path, or an API answer leaves without {@code no-store}.
 */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class NormalisedPathTest {

    private static final Pattern SCREENING_ID = Pattern.compile("\"screeningId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"//api/v1/screenings", "/%61pi/v1/screenings", "/x/../api/v1/screenings",
            "/api/./v1//screenings"})
    void aScreeningPostedToAnUnusualSpellingOfItsPathIsAnApiAnswerAndLoggedWithItsId(String path) throws Exception {
        String response = RawHttp.exchange("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-API-Key: " + TestCredentials.SCREENING_KEY + "\r\nContent-Type: application/json\r\n",
                SampleRequests.ELIGIBLE);

        assertThat(RawHttp.status(response)).isEqualTo(200);
        assertThat(RawHttp.header(response, "Cache-Control")).isEqualTo("no-store");
        assertThat(RawHttp.header(response, "Content-Security-Policy")).isEqualTo(SecurityHeaders.API_CSP);
        Matcher id = SCREENING_ID.matcher(response);
        assertThat(id.find()).isTrue();
        Pattern line = Pattern.compile("POST /api/v1/screenings 200 client=" + TestCredentials.SCREENING_CLIENT
                + " latency_ms=[0-9.]+ screening=" + id.group(1));
        assertThat(awaitLog(line)).containsPattern(line);
    }

    private static String awaitLog(Pattern line) throws IOException, InterruptedException {
        return PhiSafeLoggingTest.awaitLogContaining(line);
    }
}
