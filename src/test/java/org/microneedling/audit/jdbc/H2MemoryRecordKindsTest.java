package org.microneedling.audit.jdbc;

import org.microneedling.audit.AuditSettings;

class H2MemoryRecordKindsTest extends JdbcRecordKindsContract {

    @Override
    AuditSettings newSettings() {
        return TestDatabases.h2Memory();
    }
}
