package org.microneedling.audit;

import java.util.List;

/**
 * Where the {@link GroupCommitWriter} puts a batch: one transaction of a JDBC database, or one write to the
 * embedded journal. Only the writer thread calls it.
 */
public interface BatchTarget {

    /**
     * Appends the entries, in order, as one unit: all of them are durable when this returns, none if it throws.
     *
     * @return the sequence of the last record now on this instance's chain
     * @throws RejectedEntriesException when the entries themselves are refused (a duplicate screening id); nothing
     *         was written
     * @throws Exception when the store failed; whether anything was written is then unknown to the caller, and
     *         the target must find out again before the next batch ({@link #reset})
     */
    long commit(List<AuditEntry> entries) throws Exception;

    /** Forgets what it cached about the store (chain head, connection) after a failure. */
    void reset();

    /** Releases what the target holds open; the writer has stopped. */
    default void close() {
    }

    /** Called after a batch's callers have their answers, when no other caller is waiting: housekeeping. */
    default void idle() {
    }

    /** The entries of a batch were refused as data, not because the store failed. */
    final class RejectedEntriesException extends Exception {

        private static final long serialVersionUID = 1L;

        public RejectedEntriesException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
