package org.microneedling.audit;

class H2MemoryAuditStoreTest extends AuditStoreContract {

    @Override
    AuditSettings newSettings() {
        return TestDatabases.h2Memory();
    }
}
