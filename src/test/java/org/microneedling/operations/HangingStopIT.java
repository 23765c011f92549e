package org.microneedling.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A stop that hangs is halted, and a stop under an upgrade still ends. The packaged jar runs with the shutdown settings
 * below. Given a shutdown hook that never returns ({@link NeverEndingShutdownHookAgent}), the JVM would never exit:
 * the watchdog that the packaged service arms at start halts it after delay + timeout + margin, with every thread in
 * the log. Run from a copy of {@code target/quarkus-app} whose jars are emptied in place once it is ready, as an
 * upgrade that overwrites the files under a running instance does, the stop needs classes it can no longer load; with
 * the flat class path of the aot-jar packaging (ADR 0012) the JDK's class loader reports them missing and the stop
 * ends on its own (with fast-jar, Quarkus' class loader waited forever for the jar). The same copy left alone stops as
 * it always did.
 */
class HangingStopIT {

    private static final Duration DELAY = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MARGIN = Duration.ofSeconds(3);
    private static final Duration DEADLINE = DELAY.plus(TIMEOUT).plus(MARGIN);
    /** What a JVM stopped by SIGTERM exits with when its stop completes. */
    private static final int STOPPED_BY_SIGTERM = 143;

    @Test
    void aStopThatHangsIsHaltedAtTheDeadlineWithEveryThreadInTheLog() throws Exception {
        try (PackagedService service = startJar(PackagedService.JAR, "-javaagent:" + neverEndingShutdownHookAgent())) {
            service.awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());

            long signalled = System.nanoTime();
            service.process().destroy();
            boolean exited = service.process().waitFor(DEADLINE.toSeconds() + 30, TimeUnit.SECONDS);
            Duration stop = Duration.ofNanos(System.nanoTime() - signalled);

            String log = service.log();
            assertThat(exited).as("exited; its log:\n%s", log).isTrue();
            assertThat(service.process().exitValue()).as(log).isEqualTo(1);
            assertThat(stop).isGreaterThanOrEqualTo(DEADLINE);
            assertThat(log)
                    .contains("stopped in")
                    .contains("The stop did not finish within " + DEADLINE.toMillis() + " ms; halting with status 1")
                    .contains("\"" + NeverEndingShutdownHookAgent.THREAD + "\"")
                    .contains("\"shutdown-watchdog\"");
        }
    }

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
        return startJar(app.resolve("quarkus-run.jar"));
    }

    private static PackagedService startJar(Path jar, String... jvmArguments) throws IOException {
        return PackagedService.start("hanging-stop", PackagedService.javaBinary(), List.of(jvmArguments), List.of(
                "audit.data-dir=" + Files.createTempDirectory("screening-hanging-stop"),
                "quarkus.shutdown.delay=" + DELAY.toMillis() + "ms",
                "quarkus.shutdown.timeout=" + TIMEOUT.toMillis() + "ms",
                "screening.shutdown.watchdog-margin=" + MARGIN.toMillis() + "ms"), jar);
    }

    /** A jar of {@link NeverEndingShutdownHookAgent}, its class as the test build compiled it. */
    private static Path neverEndingShutdownHookAgent() throws IOException {
        String entry = NeverEndingShutdownHookAgent.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", NeverEndingShutdownHookAgent.class.getName());
        Path jar = Files.createTempFile("never-ending-shutdown-hook", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                InputStream agentClass = NeverEndingShutdownHookAgent.class.getClassLoader()
                        .getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            agentClass.transferTo(out);
            out.closeEntry();
        }
        return jar;
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
