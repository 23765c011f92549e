package org.microneedling.operations;

/**
 * A {@code -javaagent} for {@link HangingStopIT}: gives the packaged service's JVM a shutdown hook that never returns,
 * so that its stop hangs as a stuck library's would, and only the service's own watchdog can end it.
 */
public final class NeverEndingShutdownHookAgent {

    static final String THREAD = "never-ending-shutdown-hook";

    private NeverEndingShutdownHookAgent() {
    }

    public static void premain(String arguments) {
        Runtime.getRuntime().addShutdownHook(new Thread(NeverEndingShutdownHookAgent::sleepForever, THREAD));
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // a stuck hook ignores interruption too
            }
        }
    }
}
