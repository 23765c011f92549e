package org.microneedling.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A stop under an upgrade that overwrites the files of a running instance still ends. The packaged jar runs from a
 * copy of {@code target/quarkus-app}; once it is ready, every jar of the copy is emptied in place. With the fast-jar
 * packaging, Quarkus' class loader waited forever for a jar that failed to open and only the shutdown watchdog ended
 * the JVM; with the flat class path of the aot-jar packaging (ADR 0012) the JDK's class loader reports the classes it
 * cannot load, and the stop ends on its own, before the watchdog's deadline. {@code ShutdownWatchdogTest} covers the
 * halt of a stop that does hang. The same copy left alone stops as it always did.
 */
class HangingStopIT {

    private static final Duration DELAY = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MARGIN = Duration.ofSeconds(3);
    private static final Duration DEADLINE = DELAY.plus(TIMEOUT).plus(MARGIN);
    /** What a JVM stopped by SIGTERM exits with when its stop completes. */
    private static final int STOPPED_BY_SIGTERM = 143;

    @Test
    void aStopThatCanNoLongerLoadItsClassesEndsBeforeTheWatchdogsDeadline() throws Exception {
        Path app = copyOfTheApplication();
        try (PackagedService service = start(app)) {
            service.awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
            emptyEveryJar(app);

            service.process().destroy();
            boolean exited = service.process().waitFor(DEADLINE.toSeconds() + 30, TimeUnit.SECONDS);

            String log = service.log();
            assertThat(exited).as("exited; its log:\n%s", log).isTrue();
            assertThat(service.process().exitValue()).as(log).isEqualTo(STOPPED_BY_SIGTERM);
            assertThat(log).contains("NoClassDefFoundError").doesNotContain("did not finish");
        }
    }

    @Test
    void aStopThatEndsInTimeIsNotHalted() throws Exception {
        Path app = copyOfTheApplication();
        try (PackagedService service = start(app)) {
            service.awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());

            service.process().destroy();
            boolean exited = service.process().waitFor(DEADLINE.toSeconds() + 30, TimeUnit.SECONDS);

            String log = service.log();
            assertThat(exited).as(log).isTrue();
            assertThat(service.process().exitValue()).as(log).isEqualTo(STOPPED_BY_SIGTERM);
            assertThat(log).contains("stopped in").doesNotContain("did not finish");
        }
    }

    private static PackagedService start(Path app) throws IOException {
        return PackagedService.start("hanging-stop", List.of(
                "audit.data-dir=" + Files.createTempDirectory("screening-hanging-stop"),
                "quarkus.shutdown.delay=" + DELAY.toMillis() + "ms",
                "quarkus.shutdown.timeout=" + TIMEOUT.toMillis() + "ms",
                "screening.shutdown.watchdog-margin=" + MARGIN.toMillis() + "ms"), app.resolve("quarkus-run.jar"));
    }

    private static Path copyOfTheApplication() throws IOException {
        Path source = PackagedService.JAR.getParent();
        Path copy = Files.createTempDirectory("screening-app");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    /** Truncates each jar in place: the running JVM's open files now read as empty. */
    private static void emptyEveryJar(Path app) throws IOException {
        try (Stream<Path> files = Files.walk(app)) {
            for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).toList()) {
                Files.write(jar, new byte[0]);
            }
        }
    }
}
