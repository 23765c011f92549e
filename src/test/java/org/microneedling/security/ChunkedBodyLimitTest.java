package org.microneedling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * A body sent in chunks declares no length, so it can only be refused once more than the outer limit
 * ({@code quarkus.http.limits.max-body-size}, 4 MiB) has arrived: with the same 413 problem+json as a declared one,
 * before any resource sees it, and with one log line rather than stack traces.
 */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class ChunkedBodyLimitTest {

    @Test
    void aChunkedBodyWithinTheLimitIsScreened() throws Exception {
        String body = SampleRequests.ELIGIBLE;
        int half = body.length() / 2;
        String response;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/screenings HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "X-API-Key: " + TestCredentials.SCREENING_KEY + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n"
                    + chunk(body.substring(0, half)) + chunk(body.substring(half)) + "0\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(RawHttp.status(response)).isEqualTo(200);
        assertThat(response).contains("\"outcome\"");
    }

    private static String chunk(String text) {
        return Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + text + "\r\n";
    }

    private static int logLength() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of(AuthEnabledProfile.LOG_FILE);
        return java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file, StandardCharsets.UTF_8).length() : 0;
    }

    @Test
    void aChunkedBodyOverTheOuterLimitIs413ProblemWithoutAStackTrace() throws Exception {
        String mark = "chunked-" + UUID.randomUUID().toString().substring(0, 8);
        int logBefore = logLength();
        String response;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/screenings/batch?" + mark + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-API-Key: " + TestCredentials.SCREENING_KEY + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 80; i++) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (SocketException closedByTheServer) {
                // The server may answer and close while the rest is still being sent.
            }
            InputStream in = socket.getInputStream();
            response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(RawHttp.status(response)).isEqualTo(413);
        assertThat(RawHttp.header(response, "Content-Type")).isEqualTo("application/problem+json");
        assertThat(response).contains("\"status\":413");
        Pattern accessLine = Pattern.compile("POST /api/v1/screenings/batch 413 client=\\S+ latency_ms=");
        String log = PhiSafeLoggingTest.awaitLogContaining(accessLine);
        assertThat(log).containsPattern(accessLine);
        String written = log.substring(Math.min(logBefore, log.length()));
        assertThat(written.lines().filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ")).toList())
                .as("no error or stack trace for a refused body").isEmpty();
    }
}
