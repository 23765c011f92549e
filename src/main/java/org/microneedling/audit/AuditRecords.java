package org.microneedling.audit;

import java.time.Instant;

/** What both stores share about records: a record as it is chained, where a chain ends, what a purge removed. */
public final class AuditRecords {

    /** Where a chain currently ends: the last record's sequence and hash. */
    public record Head(long seq, String hash) {
        public static final Head GENESIS = new Head(0, ChainHash.GENESIS);
    }

    /** What one purge removed from one chain; {@code anchorSeq} is -1 when it removed nothing. */
    public record Purged(String chainId, long records, long anchorSeq) {
    }

    private AuditRecords() {
    }

    /** The entry as it is hashed and stored at {@code seq}, its evaluation time exactly as it can be read back. */
    public static ChainHash.Content content(String chainId, long seq, String prevHash, AuditEntry entry,
            Instant recordedAt) {
        Instant evaluatedAt = entry.evaluatedAt() != null ? ChainHash.storable(entry.evaluatedAt()) : recordedAt;
        return new ChainHash.Content(chainId, seq, prevHash, entry.evaluatedAt(evaluatedAt), recordedAt);
    }
}
