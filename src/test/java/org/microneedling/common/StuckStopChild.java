package org.microneedling.common;

import java.time.Duration;

/** A JVM that arms the watchdog and stops, cleanly or with a shutdown hook that never returns. */
final class StuckStopChild {

    static final String READY = "watchdog armed";
    static final int CLEAN_STATUS = 0;

    private StuckStopChild() {
    }

    public static void main(String[] args) {
        ShutdownWatchdog.forThisJvm(Duration.ofMillis(Long.parseLong(args[0]))).armOnJvmShutdown();
        if ("stuck".equals(args[1])) {
            Runtime.getRuntime().addShutdownHook(new Thread(StuckStopChild::sleepForever, "stuck-shutdown-hook"));
        }
        System.out.println(READY);
        System.exit(CLEAN_STATUS);
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
