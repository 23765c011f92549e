package org.microneedling.common;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Ends a stop that hangs. Armed when the JVM begins to stop, it waits on a daemon thread, so a stop that ends in
 * time is neither delayed nor cut short: the JVM exits and the watchdog with it. A stop still running at the
 * deadline (a shutdown hook that never returns, a class that can no longer be loaded because the jar was replaced
 * on disk) leaves an instance that takes no requests yet never exits, so no orchestrator starts a fresh one: the
 * watchdog writes every live thread's name and stack, then halts the JVM with {@link #HALT_STATUS}.
 */
public final class ShutdownWatchdog {

    /** The exit status of a halted stop; a clean stop after SIGTERM exits with 143. */
    public static final int HALT_STATUS = 1;

    private final Duration deadline;
    private final IntConsumer halt;
    private final Consumer<String> report;
    /** Created up front: once the jar is gone, the stop may be unable to load a class it has not used before. */
    private final Thread watcher;

    ShutdownWatchdog(Duration deadline, IntConsumer halt, Consumer<String> report) {
        this.deadline = deadline;
        this.halt = halt;
        this.report = report;
        this.watcher = new Thread(this::watch, "shutdown-watchdog");
        this.watcher.setDaemon(true);
        // Loaded now for the same reason: the report is built while classes may no longer load.
        threadDump();
    }

    /** A watchdog that halts this JVM and writes its report to standard error, which outlives the log handlers. */
    public static ShutdownWatchdog forThisJvm(Duration deadline) {
        return new ShutdownWatchdog(deadline, Runtime.getRuntime()::halt, text -> {
            System.err.println(text);
            System.err.flush();
        });
    }

    /** Arms the watchdog when the JVM begins to stop: on SIGTERM, SIGINT or {@code System.exit}. */
    public void armOnJvmShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::arm, "shutdown-watchdog-hook"));
    }

    /** Starts the countdown and returns at once. */
    void arm() {
        watcher.start();
    }

    Thread watcher() {
        return watcher;
    }

    private void watch() {
        long end = System.nanoTime() + deadline.toNanos();
        for (long left = deadline.toNanos(); left > 0; left = end - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException ignored) {
                // Only the deadline ends the wait: whatever interrupts threads during a stop must not disarm it.
            }
        }
        try {
            report.accept("The stop did not finish within " + deadline.toMillis() + " ms; halting with status "
                    + HALT_STATUS + ". Threads still running:\n" + threadDump());
        } finally {
            halt.accept(HALT_STATUS);
        }
    }

    static String threadDump() {
        StringBuilder dump = new StringBuilder();
        Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();
        threads.entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getKey().getName()))
                .forEach(entry -> {
                    Thread thread = entry.getKey();
                    dump.append('"').append(thread.getName()).append('"')
                            .append(thread.isDaemon() ? " daemon" : "")
                            .append(' ').append(thread.getState()).append('\n');
                    for (StackTraceElement frame : entry.getValue()) {
                        dump.append("    at ").append(frame).append('\n');
                    }
                });
        return dump.toString();
    }
}
