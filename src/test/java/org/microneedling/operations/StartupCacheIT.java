package org.microneedling.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The start-up cache is what ADR 0012 says it is. {@code docker/cds-training.sh}, run as the image build runs it,
 * writes an AOT cache on JDK 25 (the image's JDK) and a class-data archive on the build's JDK 17; the packaged jar
 * started from it with the JVM told to refuse to start without it answers a screening, and the JVM's application
 * class loader took the service's own classes and its libraries' from the cache. That last part is the flat class
 * path of the aot-jar packaging: Quarkus' own class loader (fast-jar) reads and inflates each class from its jar before
 * the JVM finds it in the cache, which spares little.
 */
class StartupCacheIT {

    /** The JDK the container image runs on: -Dit.jdk25, else the machine's Temurin 25 (Keycloak's in CI). */
    private static final Path JDK_25 = Path.of(System.getProperty("it.jdk25", machinesTemurin25()));
    /** Classes of the request path: the service's own, Vert.x's and Jackson's. */
    private static final List<String> CACHED_CLASSES = List.of(
            "org.microneedling.screening.ScreeningResource",
            "org.microneedling.screening.rules.Ruleset",
            "io.vertx.core.http.impl.Http1xServerConnection",
            "com.fasterxml.jackson.databind.ObjectMapper");

    @Test
    void onJdk25TheAotCacheHoldsTheClassesOfTheServiceAndItsLibraries() throws Exception {
        Path java = JDK_25.resolve("bin/java");
        assertThat(Files.isExecutable(java)).as("a JDK 25 at %s (-Dit.jdk25=...)", JDK_25).isTrue();
        Path cache = train(java, "app.aot");
        assertStartsFromTheCache(java, List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"));
    }

    @Test
    void onJdk17TheClassDataArchiveHoldsTheClassesOfTheServiceAndItsLibraries() throws Exception {
        Path java = PackagedService.javaBinary();
        Path archive = train(java, "app-cds.jsa");
        assertStartsFromTheCache(java, List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"));
    }

    private static String machinesTemurin25() {
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.map(Path::toString).filter(jdk -> jdk.matches(".*/temurin-25-jdk-[^/]+")).sorted()
                    .findFirst().orElse("/usr/lib/jvm/temurin-25-jdk");
        } catch (IOException noJvmFolder) {
            return "/usr/lib/jvm/temurin-25-jdk";
        }
    }

    /** Runs docker/cds-training.sh on the given java, with the container's options, as the Dockerfile does. */
    private static Path train(Path java, String fileName) throws IOException, InterruptedException {
        Path cache = Files.createTempDirectory("screening-startup-cache").resolve(fileName);
        Path log = Files.createTempFile("screening-startup-cache", ".log");
        List<String> command = new ArrayList<>(List.of("bash", "docker/cds-training.sh",
                PackagedService.JAR.toString(), cache.toString(), "bench/screening.json"));
        command.addAll(PackagedService.containerJvmOptions());
        ProcessBuilder training = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        training.environment().put("JAVA", java.toString());
        training.environment().put("CDS_TRAINING_PORT", String.valueOf(PackagedService.freePort()));
        Process process = training.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertThat(ended).as("training ended; its output:\n%s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("bytes written to " + cache);
        assertThat(Files.size(cache)).isPositive();
        return cache;
    }

    private static void assertStartsFromTheCache(Path java, List<String> cacheOptions) throws Exception {
        Path classLog = Files.createTempFile("screening-class-load", ".log");
        List<String> jvmArguments = new ArrayList<>(cacheOptions);
        jvmArguments.add("-Xlog:class+load=debug:file=" + classLog);
        try (PackagedService service = PackagedService.start("startup-cache", java, jvmArguments,
                List.of("audit.data-dir=" + Files.createTempDirectory("screening-startup-cache-data")))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            service.awaitReady(http);
            HttpResponse<String> answer = http.send(service.screening(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"outcome\"");

            List<String> loaded = Files.readAllLines(classLog);
            for (String name : CACHED_CLASSES) {
                assertThat(howLoaded(loaded, name)).as("how %s was loaded", name)
                        .contains(" source: shared objects file")
                        .contains("loader: [loader data:")
                        .contains("jdk/internal/loader/ClassLoaders$AppClassLoader");
            }
            assertThat(service.log()).doesNotContain("ERROR");
        }
    }

    /** The class's info line (its source) and the debug line after it (its class loader), or "" if not loaded. */
    private static String howLoaded(List<String> classLog, String name) {
        for (int i = 0; i + 1 < classLog.size(); i++) {
            if (classLog.get(i).contains("][class,load] " + name + " source: ")) {
                return classLog.get(i) + "\n" + classLog.get(i + 1);
            }
        }
        return "";
    }
}
