package org.microneedling.audit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

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

    /** The result JSON exactly as it was first returned. */
    Optional<String> findResult(UUID screeningId);
}
