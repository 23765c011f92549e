package org.microneedling.audit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Run in a child JVM by {@link CrashDurabilityTest}: appends from several threads and prints each screening id
 * once its append returned, i.e. once it would have been answered with 200, until it is killed.
 */
final class AuditCrashChild {

    private AuditCrashChild() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        AuditStore store = AuditStores.open(args[0].startsWith("jdbc:") ? AuditSettings.forUrl(args[0], null, null)
                : AuditSettings.forJournal(java.nio.file.Path.of(args[0])));
        out.println("ready");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                while (true) {
                    AuditEntry entry = AuditEntries.entry();
                    store.append(List.of(entry));
                    synchronized (out) {
                        out.println("committed " + entry.screeningId());
                    }
                }
            });
        }
    }
}
