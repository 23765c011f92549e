package org.microneedling.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.microneedling.audit.journal.JournalAuditStore;

/**
 * Where the warm-up's synthetic screenings are committed before readiness: a journal of their own in a new temporary
 * folder, with the writer and the sync of the audit trail's journal, so that the code which commits a decision is
 * compiled before the first client's decision needs it. Nothing reads it, no view of the trail is told of it, and
 * closing it deletes the folder: the audit trail never holds a rehearsal.
 */
public final class RehearsalLog implements AutoCloseable {

    /** How the name of each scratch journal's folder begins. */
    public static final String FOLDER_PREFIX = "screening-rehearsal-";
    private static final Logger LOG = Logger.getLogger(RehearsalLog.class);

    private final Path folder;
    private final AuditStore store;

    private RehearsalLog(Path folder, AuditStore store) {
        this.folder = folder;
        this.store = store;
    }

    /**
     * A log like the journal {@code trail} describes, in a new folder under the system's temporary one.
     *
     * @throws IOException when that folder cannot be made or its journal cannot take commits
     */
    static RehearsalLog like(AuditSettings trail) throws IOException {
        AuditSettings.JournalSettings journal = trail.journal();
        Path folder = Files.createTempDirectory(FOLDER_PREFIX);
        AuditStore store = JournalAuditStore.open(trail.withJournal(
                new AuditSettings.JournalSettings(folder, journal.sync(), journal.segmentBytes(),
                        journal.minFreeBytes())));
        RehearsalLog log = new RehearsalLog(folder, store);
        if (!store.ready()) {
            // Too little free space, say: rehearsals answered 503 would end the warm-up through HTTP altogether.
            log.close();
            throw new IOException("a journal in " + folder + " is not ready");
        }
        return log;
    }

    /** Commits the entries to this log only; completes as {@link DecisionLog#appendAsync} does. */
    public CompletionStage<Void> appendAsync(List<AuditEntry> entries) {
        return store.appendAsync(entries);
    }

    /** Where its journal is, until it is closed. */
    Path folder() {
        return folder;
    }

    /** Stops its writer and deletes its folder with everything in it. */
    @Override
    public void close() {
        store.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warnf("The warm-up's scratch journal in %s could not be deleted (%s)", folder, e.getMessage());
        }
    }
}
