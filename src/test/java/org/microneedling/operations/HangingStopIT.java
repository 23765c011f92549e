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
 * A stop that hangs is halted. The packaged jar runs from a copy of {@code target/quarkus-app}; once it is ready,
 * every jar of the copy is emptied in place, as an upgrade that overwrites the files under a running instance does.
 * On SIGTERM the stop then needs classes it can no longer load: Quarkus' class loader waits forever for a jar that
 * failed to open, and the JVM would never exit. The watchdog halts it after delay + timeout + margin, with every
 * thread in the log. The same copy left alone stops as it always did.
 */
class HangingStopIT {

    private static final Duration DELAY = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MARGIN = Duration.ofSeconds(3);
    private static final Duration DEADLINE = DELAY.plus(TIMEOUT).plus(MARGIN);
    /** What a JVM stopped by SIGTERM exits with when its stop completes. */
    private static final int STOPPED_BY_SIGTERM = 143;

    @Test
    void aStopThatCanNoLongerLoadItsClassesIsHaltedWithEveryThreadInTheLog() throws Exception {
        Path app = copyOfTheApplication();
        try (PackagedService service = start(app)) {
            service.awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
            emptyEveryJar(app);

            long signalled = System.nanoTime();
            service.process().destroy();
            boolean exited = service.process().waitFor(DEADLINE.toSeconds() + 30, TimeUnit.SECONDS);
            Duration stop = Duration.ofNanos(System.nanoTime() - signalled);

            String log = service.log();
            assertThat(exited).as("exited; its log:\n%s", log).isTrue();
            assertThat(service.process().exitValue()).as(log).isEqualTo(1);
            assertThat(stop).isGreaterThanOrEqualTo(DEADLINE);
            assertThat(log)
                    .contains("The stop did not finish within " + DEADLINE.toMillis() + " ms; halting with status 1")
                    .contains("\"main\"")
                    .contains("\"shutdown-watchdog\"")
                    .contains("at io.quarkus.runtime.Application.stop");
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
