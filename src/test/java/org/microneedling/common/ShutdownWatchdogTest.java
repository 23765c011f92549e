package org.microneedling.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stop that outlasts its deadline is reported thread by thread and halted; one that ends in time is neither.
 * In this JVM with an injected halt, and in a child JVM that really stops, once cleanly and once with a shutdown
 * hook that never returns.
 */
class ShutdownWatchdogTest {

    private final CountDownLatch releaseStuckTask = new CountDownLatch(1);

    @AfterEach
    void release() {
        releaseStuckTask.countDown();
    }

    @Test
    void aStopStillRunningAtTheDeadlineIsReportedThreadByThreadAndHalted() throws Exception {
        Thread stuck = new Thread(this::waitForRelease, "stuck-stop-task");
        stuck.start();
        CompletableFuture<Integer> halted = new CompletableFuture<>();
        StringBuilder report = new StringBuilder();
        ShutdownWatchdog watchdog = new ShutdownWatchdog(Duration.ofMillis(300), halted::complete, report::append);

        long armed = System.nanoTime();
        watchdog.arm();

        assertThat(halted.get(10, TimeUnit.SECONDS)).isEqualTo(ShutdownWatchdog.HALT_STATUS).isNotZero();
        assertThat(Duration.ofNanos(System.nanoTime() - armed)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(report.toString())
                .contains("did not finish within 300 ms")
                .contains("\"stuck-stop-task\" WAITING")
                .contains("ShutdownWatchdogTest.waitForRelease")
                .contains("\"main\"");
    }

    @Test
    void beforeTheDeadlineNothingIsHaltedAndTheWatcherHoldsNoJvmOpen() throws Exception {
        CompletableFuture<Integer> halted = new CompletableFuture<>();
        StringBuilder report = new StringBuilder();
        ShutdownWatchdog watchdog = new ShutdownWatchdog(Duration.ofMinutes(5), halted::complete, report::append);

        watchdog.arm();
        Thread.sleep(300);

        assertThat(watchdog.watcher().isDaemon()).isTrue();
        assertThat(watchdog.watcher().isAlive()).isTrue();
        assertThat(halted).isNotDone();
        assertThat(report).isEmpty();
    }

    @Test
    void theDeadlineIsTheDelayAndTheTimeoutAndTheMargin() {
        assertThat(ShutdownWatchdogInstaller.deadline(Optional.of(Duration.ofSeconds(5)),
                Optional.of(Duration.ofSeconds(10)), Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(25));
        assertThat(ShutdownWatchdogInstaller.deadline(Optional.empty(), Optional.empty(), Duration.ofSeconds(10)))
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aJvmWhoseShutdownHookNeverReturnsIsHaltedAfterTheDeadlineWithItsThreads() throws Exception {
        Child child = run("1000", "stuck");

        assertThat(child.status()).as(child.output()).isEqualTo(ShutdownWatchdog.HALT_STATUS);
        assertThat(child.ranFor()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(child.output())
                .contains("did not finish within 1000 ms")
                .contains("\"stuck-shutdown-hook\"")
                .contains("StuckStopChild.sleepForever");
    }

    @Test
    void aJvmThatStopsInTimeExitsAsItWouldWithoutTheWatchdog() throws Exception {
        Child child = run("60000", "clean");

        assertThat(child.output()).contains(StuckStopChild.READY).doesNotContain("did not finish");
        assertThat(child.ranFor()).isLessThan(Duration.ofSeconds(30));
        assertThat(child.status()).isEqualTo(StuckStopChild.CLEAN_STATUS);
    }

    private void waitForRelease() {
        try {
            releaseStuckTask.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Child(int status, String output, Duration ranFor) {
    }

    private static Child run(String deadlineMillis, String mode) throws Exception {
        long started = System.nanoTime();
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StuckStopChild.class.getName(), deadlineMillis, mode).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("The child did not exit; its output:\n" + output.getNow(""));
        }
        return new Child(process.exitValue(), output.get(10, TimeUnit.SECONDS),
                Duration.ofNanos(System.nanoTime() - started));
    }
}
