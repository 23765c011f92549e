package org.microneedling.audit.jdbc;

import org.microneedling.audit.AuditSettings;

class H2MemoryAuditStoreTest extends AuditStoreContract {

    @Override
    AuditSettings newSettings() {
        return TestDatabases.h2Memory();
    }
}
