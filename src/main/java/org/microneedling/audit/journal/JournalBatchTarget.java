package org.microneedling.audit.journal;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditRecords;
import org.microneedling.audit.BatchTarget;
import org.microneedling.audit.ChainHash;

/**
 * A batch as one append to the {@link SegmentedJournal}: sequences and hashes assigned in order, every record
 * framed, one write, one {@code fdatasync}.
 */
final class JournalBatchTarget implements BatchTarget {

    private final JournalAuditStore store;
    private final String chainId;
    private final MessageDigest sha256 = ChainHash.sha256();
    private final FrameBatch batch = new FrameBatch();
    /** Null means "read it from the journal" (at start or after a failure). */
    private AuditRecords.Head head;

    JournalBatchTarget(JournalAuditStore store, String chainId) {
        this.store = store;
        this.chainId = chainId;
    }

    @Override
    public long commit(List<AuditEntry> entries) throws Exception {
        SegmentedJournal journal = store.journalOrReopen();
        journal.reopenIfNeeded();
        refuseRepeatedIds(entries);
        AuditRecords.Head current = head != null ? head : store.head(journal);
        Instant recordedAt = ChainHash.storable(Instant.now());
        long recordedMicros = ChainHash.epochMicros(recordedAt);
        batch.clear();
        for (AuditEntry entry : entries) {
            long seq = current.seq() + 1;
            byte[] canonical = ChainHash.canonicalBytes(
                    AuditRecords.content(chainId, seq, current.hash(), entry, recordedAt));
            byte[] digest = sha256.digest(canonical);
            String hash = HexFormat.of().formatHex(digest);
            batch.add(canonical, digest, seq, hash, entry.screeningId(), entry.kindOrScreening(), recordedMicros);
            current = new AuditRecords.Head(seq, hash);
        }
        journal.append(batch);
        head = current;
        return current.seq();
    }

    /**
     * Screening ids come from the service's own time-ordered generator, so a repeat can only be a caller's mistake
     * within one append; looking further back (in the id index) would cost every append a look-up per record, for
     * ids the service made itself.
     */
    private static void refuseRepeatedIds(List<AuditEntry> entries) throws RejectedEntriesException {
        if (entries.size() < 2) {
            return;
        }
        Set<UUID> seen = new HashSet<>();
        for (AuditEntry entry : entries) {
            if (!seen.add(entry.screeningId())) {
                throw new RejectedEntriesException("screening id repeated in one append", null);
            }
        }
    }

    @Override
    public void reset() {
        head = null;
    }
}
