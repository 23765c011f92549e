package org.microneedling.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Where decisions are kept: the embedded journal ({@code audit.journal}, the default) or a JDBC database
 * ({@code audit.jdbc}: PostgreSQL, or H2 when its URL is given); {@link AuditStores} picks one. Plain Java, so tests
 * build either directly.
 */
public interface AuditStore extends AutoCloseable {

    /** The group-commit writer in front of the engine; every engine appends through one. */
    GroupCommitWriter writer();

    /** Returns once every entry is committed; otherwise throws a 503 {@code ProblemException}. */
    default void append(List<AuditEntry> entries) {
        writer().append(entries);
    }

    /** Completes once every entry is committed; otherwise fails with a 503 {@code ProblemException}. */
    default CompletionStage<Void> appendAsync(List<AuditEntry> entries) {
        return writer().appendAsync(entries);
    }

    /** The result JSON exactly as it was first returned, of a record of any kind and clinic. */
    Optional<String> findResult(UUID screeningId);

    /** The record with this id, of any kind and clinic, as stored. */
    Optional<AuditEntry> find(UUID id);

    /**
     * Streams the matching records in recorded order, in constant memory.
     *
     * @return the position of the last record examined (journal: chain sequence; JDBC: row id), or
     *         {@code query.afterPosition()} when none was, so that a poller can resume after it
     */
    long scan(RecordQuery query, Consumer<AuditEntry> each);

    /** True when other instances may append to the same store (a JDBC database): they must poll for news. */
    boolean shared();

    /** Re-computes every chain the store holds, counting the records of every clinic. */
    default Verification verify() {
        return verify(null);
    }

    /**
     * Re-computes every chain the store holds, all kinds of records, counting only the records of
     * {@code clinicId} (null: of every clinic). Sequences and head hashes, which tell every clinic's volume, are
     * reported only for null and {@code default}.
     */
    Verification verify(String clinicId);

    /** Deletes records recorded before {@code cutoff}, oldest first, anchoring each chain where it now starts. */
    List<AuditRecords.Purged> purge(Instant cutoff);

    /** Ready means: a commit can succeed now. */
    boolean ready();

    default GroupCommitWriter.Stats stats() {
        return writer().stats();
    }

    /** {@code JOURNAL}, {@code H2} or {@code POSTGRESQL}. */
    String engine();

    /** Where the records are: a folder or a JDBC URL (never with a password). */
    String url();

    @Override
    void close();
}
