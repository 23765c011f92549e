package org.microneedling.audit.journal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.microneedling.audit.AuditEntries;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.AuditSettings.JournalSettings;
import org.microneedling.audit.AuditStore;

/**
 * Run by {@link JournalPermissionsTest} in a JVM whose umask is given by the shell: writes every kind of journal
 * file (segments, summaries, an anchor after a purge) in the folder named by its argument.
 */
public final class JournalUnderUmaskChild {

    private JournalUnderUmaskChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        AuditSettings settings = AuditSettings.forJournal(dir).withJournal(new JournalSettings(dir, true, 4096,
                JournalSettings.DEFAULT_MIN_FREE_BYTES));
        try (AuditStore store = JournalAuditStore.open(settings)) {
            for (int i = 0; i < 20; i++) {
                store.append(List.of(AuditEntries.entry()));
            }
            store.purge(Instant.now().plusSeconds(1));
            for (int i = 0; i < 20; i++) {
                store.append(List.of(AuditEntries.entry()));
            }
        }
        System.out.println("written");
    }
}
