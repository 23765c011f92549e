package org.microneedling.audit.jdbc;

import org.microneedling.audit.AuditSettings;

class PostgresRecordKindsTest extends JdbcRecordKindsContract {

    @Override
    AuditSettings newSettings() {
        return TestDatabases.postgres();
    }
}
