package org.microneedling.audit;

class PostgresAuditStoreTest extends AuditStoreContract {

    @Override
    AuditSettings newSettings() {
        return TestDatabases.postgres();
    }
}
