package org.microneedling.audit;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The durable decision log. A decision may only be returned to a client after {@link #append}
 * has returned normally.
 */
public interface DecisionLog {

    /**
     * Commits every entry durably, or none of them, before returning.
     *
     * @throws org.microneedling.common.ProblemException with status 503 and a {@code Retry-After}
     *         header when the store cannot commit in time
     */
    void append(List<AuditEntry> entries);

    /**
     * Commits every entry durably, or none of them, without holding the calling thread: the stage completes
     * after the commit, or fails with the same 503 {@code ProblemException} as {@link #append}. A decision may
     * only be returned once the stage has completed normally.
     */
    CompletionStage<Void> appendAsync(List<AuditEntry> entries);

    /** The result JSON of a screening of {@code clinicId}; empty for another clinic's or another kind's record. */
    Optional<String> findResult(UUID screeningId, String clinicId);

    /** The record with this id, of any kind and clinic, as stored; the caller checks its clinic. */
    Optional<AuditEntry> find(UUID id);

    /** See {@link AuditStore#scan}; finds nothing while the audit is disabled. */
    long scan(RecordQuery query, Consumer<AuditEntry> each);

    /** True when other instances may append to the same store (a JDBC database): they must poll for news. */
    boolean shared();

    /**
     * Tells {@code listener} of every list of entries this instance commits from now on, after the commit and before
     * the appending caller continues, so that a view built from the log can answer with what its caller just
     * recorded. Several threads may call it at once; an exception it throws is logged and changes nothing.
     */
    void onCommitted(Consumer<List<AuditEntry>> listener);

    /**
     * See {@link AuditStore#verify(String)}.
     *
     * @throws org.microneedling.common.ProblemException with status 503 while the audit is disabled
     */
    Verification verify(String clinicId);

    /**
     * A log of its own for the warm-up's synthetic screenings ({@link RehearsalLog}), of the kind this one commits to;
     * empty where there is none to open: the audit off, or the trail in a database, whose scratch copy would be
     * records in that database.
     *
     * @throws IOException when its temporary folder cannot be made or its journal cannot take commits
     */
    default Optional<RehearsalLog> openRehearsal() throws IOException {
        return Optional.empty();
    }
}
