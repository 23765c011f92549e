package org.microneedling.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

@QuarkusTest
@TestProfile(BodyReadDeadlineTest.ShortDeadline.class)
class BodyReadDeadlineTest {

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("screening.http.body-read-timeout", "1s");
        }
    }

    @Test
    void aBodyThatStopsArrivingLosesItsConnectionAfterTheDeadline() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/screenings HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"patient\":")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            in.readAllBytes();
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(waitedMillis).as("closed after about the deadline, not the idle timeout")
                    .isBetween(500L, 5_000L);
        }
    }
}
