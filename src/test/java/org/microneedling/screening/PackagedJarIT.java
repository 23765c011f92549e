package org.microneedling.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started with nothing but Java: it must come up on the configured port with
 * its embedded audit store, under configuration keys it does not know, and answer a screening.
 */
class PackagedJarIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void jarStartsOnItsEmbeddedDefaultsAndScreens() throws Exception {
        int port = freePort();
        Path dataDir = Files.createTempDirectory("screening-it-data");
        Path log = Files.createTempFile("screening-it", ".log");
        long started = System.nanoTime();
        process = new ProcessBuilder(List.of(javaBinary(), "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Daudit.data-dir=" + dataDir,
                "-Dsome.future.feature=on",
                "-Dscreening.a-key-from-a-later-version=1",
                "-jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        URI base = URI.create("http://localhost:" + port);
        HttpResponse<String> ready = awaitReady(base.resolve("/q/health/ready"), log);
        long firstAnswerMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Packaged jar answered readiness %d ms after launch%n", firstAnswerMillis);
        assertThat(ready.statusCode()).isEqualTo(200);

        HttpResponse<String> screened = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/screenings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiExamples.REQUEST)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(screened.statusCode()).isEqualTo(200);
        assertThat(screened.body()).contains("\"outcome\":\"REFER_TO_PROVIDER\"");
        assertThat(Files.readString(log)).doesNotContain("ERROR");
    }

    private static HttpResponse<String> awaitReady(URI uri, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The jar did not become ready; its log:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
