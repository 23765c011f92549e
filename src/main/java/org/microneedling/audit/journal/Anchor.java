package org.microneedling.audit.journal;

import java.time.Instant;

/** The start of a chain after a purge: the last deleted record's sequence and hash. */
record Anchor(String chainId, long seq, String hash, long purgedRecords, Instant cutoff, Instant createdAt) {
}
