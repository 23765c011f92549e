package org.microneedling.audit;

import org.microneedling.audit.jdbc.JdbcAuditStore;
import org.microneedling.audit.journal.JournalAuditStore;

/** Picks the store the settings describe: the only place that names the engines. */
final class AuditStores {

    private AuditStores() {
    }

    /** An unavailable store still opens, not ready, and answers 503. */
    static AuditStore open(AuditSettings settings) {
        return settings.journal() != null ? JournalAuditStore.open(settings) : JdbcAuditStore.open(settings);
    }

    /** Like {@link #open}, with slow start-up work (a database's schema check) left to a thread of its own. */
    static AuditStore openForService(AuditSettings settings) {
        return settings.journal() != null ? JournalAuditStore.open(settings)
                : JdbcAuditStore.openMigratingInBackground(settings);
    }
}
