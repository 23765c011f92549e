package org.microneedling.audit.journal;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.ChainHash;
import org.microneedling.audit.Verification;

/** Reads a stopped service's embedded journal, for tests outside this package. */
public final class JournalFiles {

    private JournalFiles() {
    }

    /** Every screening id recorded under {@code dataDir}, with the chain checked on the way. */
    public static Set<String> recordedIds(Path dataDir) throws Exception {
        Set<String> ids = new HashSet<>();
        try (JournalAuditStore store = JournalAuditStore.open(AuditSettings.forJournal(dataDir.resolve("journal")))) {
            Verification verification = store.verify();
            if (!verification.intact()) {
                throw new AssertionError("audit chain broken: " + verification.firstBroken());
            }
            for (Segment segment : store.journalOrReopen().segments()) {
                try (FrameReader reader = FrameReader.of(segment)) {
                    Frame frame;
                    while ((frame = reader.next()) != null) {
                        ids.add(ChainHash.field(frame.canonical(), ChainHash.SCREENING_ID_FIELD));
                    }
                }
            }
        }
        return ids;
    }

    /**
     * Changes one record of a small journal (one segment) in place and gives its frame a matching checksum, as
     * someone with write access to the disk could; the hash chain is left as it was.
     */
    public static void rewriteRecord(JournalAuditStore store, java.util.UUID id,
            java.util.function.UnaryOperator<byte[]> change) throws java.io.IOException {
        java.util.List<java.util.UUID> recorded = new java.util.ArrayList<>();
        store.scan(org.microneedling.audit.RecordQuery.all(), entry -> recorded.add(entry.screeningId()));
        JournalAuditStoreTest.rewriteFrame(store.journalOrReopen().segments().get(0).path(), recorded.indexOf(id),
                change);
    }
}
