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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The packaged jar, started with nothing but Java: it must come up on the configured port with
 * its embedded audit store, under configuration keys it does not know, and answer a screening with the
 * API key it created on first start.
 */
class PackagedJarIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern FIRST_START_KEY = Pattern.compile("X-API-Key: (mnk_[A-Za-z0-9_-]{43})");
    // Header {"alg":"RS256","typ":"JWT"}, claims {"sub":"x","groups":["screening"]}, a signature nobody can verify.
    private static final String UNVERIFIABLE_TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiJ4IiwiZ3JvdXBzIjpbInNjcmVlbmluZyJdfQ.c2lnbmF0dXJl";

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
        process = start(port, log, "-Daudit.data-dir=" + dataDir, "-Dsome.future.feature=on",
                "-Dscreening.a-key-from-a-later-version=1");

        URI base = URI.create("http://localhost:" + port);
        HttpResponse<String> ready = awaitReady(base.resolve("/q/health/ready"), log);
        long firstAnswerMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Packaged jar answered readiness %d ms after launch%n", firstAnswerMillis);
        assertThat(ready.statusCode()).isEqualTo(200);

        String key = firstStartKey(log);
        HttpResponse<String> screened = screen(base, "X-API-Key", key);
        assertThat(screened.statusCode()).isEqualTo(200);
        assertThat(screened.body()).contains("\"outcome\":\"REFER_TO_PROVIDER\"");
        assertThat(Files.readString(log)).doesNotContain("ERROR");
    }

    @Test
    void authenticationIsOnByDefaultWithAKeyCreatedOnFirstStartAndJwtOptional() throws Exception {
        int port = freePort();
        Path dataDir = Files.createTempDirectory("screening-it-data");
        Path log = Files.createTempFile("screening-it", ".log");
        process = start(port, log, "-Daudit.data-dir=" + dataDir);
        URI base = URI.create("http://localhost:" + port);
        awaitReady(base.resolve("/q/health/ready"), log);

        String key = firstStartKey(log);
        Path keyFile = dataDir.resolve("api-keys");
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String keyFileContent = Files.readString(keyFile);
        assertThat(keyFileContent).doesNotContain(key).contains("local ")
                .contains("admin,audit,medical-director,provider,screening");
        assertThat(Files.readString(log).split(Pattern.quote(key), -1)).as("the key is printed exactly once")
                .hasSize(2);

        HttpResponse<String> anonymous = screen(base, "Accept-Language", "en");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("X-API-Key").doesNotContain("Bearer"));
        assertThat(screen(base, "X-API-Key", key + "x").statusCode()).isEqualTo(401);
        HttpResponse<String> bearer = screen(base, "Authorization", "Bearer " + UNVERIFIABLE_TOKEN);
        assertThat(bearer.statusCode()).as("a bearer token while JWT is not configured").isEqualTo(401);
        assertThat(screen(base, "X-API-Key", key).statusCode()).isEqualTo(200);
        assertThat(get(base.resolve("/q/health/live")).statusCode()).isEqualTo(200);
        assertThat(get(base.resolve("/api/v1/rules")).statusCode()).isEqualTo(401);
        assertThat(Files.readString(log)).doesNotContain("ERROR");
    }

    @Test
    void theJarServesTheCommittedApiDocumentWithoutDerivingIt() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("screening-it", ".log");
        process = start(port, log, "-Daudit.data-dir=" + Files.createTempDirectory("screening-it-data"),
                "-Dscreening.openapi.server-url=https://screening.example/");
        URI base = URI.create("http://localhost:" + port);
        awaitReady(base.resolve("/q/health/ready"), log);

        HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(base.resolve("/q/openapi"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).as("open to anyone, authentication on").isEqualTo(200);
        ObjectMapper json = new ObjectMapper();
        var committed = json.readTree(Path.of("src/main/openapi/openapi.json").toFile());
        ((ObjectNode) committed.at("/servers/0")).put("url", "https://screening.example/");
        assertThat(json.readTree(document.body())).isEqualTo(committed);
        assertThat(get(base.resolve("/q/openapi")).body()).startsWith("openapi: 3.1.0");
        assertThat(get(base.resolve("/q/openapi-generated")).statusCode())
                .as("SmallRye OpenAPI runs in the tests only").isNotEqualTo(200);
        assertThat(Files.readString(log)).doesNotContain("Unrecognized configuration key").doesNotContain("ERROR");
    }

    @Test
    void authenticationOffIsAnnouncedWithAWarning() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("screening-it", ".log");
        process = start(port, log, "-Daudit.data-dir=" + Files.createTempDirectory("screening-it-data"),
                "-Dscreening.auth.enabled=false");
        URI base = URI.create("http://localhost:" + port);
        awaitReady(base.resolve("/q/health/ready"), log);

        assertThat(screen(base, "Accept-Language", "en").statusCode()).isEqualTo(200);
        assertThat(Files.readString(log)).containsPattern("WARN.*Authentication is OFF").doesNotContain("X-API-Key:");
    }

    @Test
    void aWildcardCorsOriginStopsTheStart() throws Exception {
        Path log = Files.createTempFile("screening-it", ".log");
        process = start(freePort(), log, "-Daudit.data-dir=" + Files.createTempDirectory("screening-it-data"),
                "-Dquarkus.http.cors.origins=*");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("quarkus.http.cors.origins must list exact origins");
    }

    private Process start(int port, Path log, String... properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-Dquarkus.http.port=" + port));
        command.addAll(List.of(properties));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String firstStartKey(Path log) throws IOException {
        Matcher matcher = FIRST_START_KEY.matcher(Files.readString(log));
        assertThat(matcher.find()).as("the first start prints the created key").isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> screen(URI base, String header, String value) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/screenings"))
                .header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(ApiExamples.REQUEST)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
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
