package org.microneedling.audit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    /** The result JSON exactly as it was first returned. */
    Optional<String> findResult(UUID screeningId);
}
