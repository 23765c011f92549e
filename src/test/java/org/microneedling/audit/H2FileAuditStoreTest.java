package org.microneedling.audit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

class H2FileAuditStoreTest extends AuditStoreContract {

    @TempDir
    Path dataDir;

    @Override
    AuditSettings newSettings() {
        return TestDatabases.h2File(dataDir);
    }
}
