package org.microneedling.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A request line or header block over Vert.x's limits is answered by its HTTP decoder before any route runs, so
 * with a bare status and no problem+json (docs/security.md, "Input limits"): these tests pin the status and that
 * nothing but the status line and the close reaches the client.
 */
@QuarkusTest
class OversizedRequestHeadTest {

    @Test
    void aRequestLineOverTheLimitIs414() throws Exception {
        String answer = exchange("GET /api/v1/rules?" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(answer).containsPattern("^HTTP/1\\.[01] 414 ").containsIgnoringCase("content-length: 0");
    }

    @Test
    void headersOverTheLimitAre431() throws Exception {
        String answer = exchange("GET /api/v1/rules HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(30_000)
                + "\r\n\r\n");
        assertThat(answer).containsPattern("^HTTP/1\\.[01] 431 ").containsIgnoringCase("content-length: 0");
    }

    private static String exchange(String request) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
