package org.microneedling.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2FileAuditStoreTest extends AuditStoreContract {

    @TempDir
    Path dataDir;

    @Override
    AuditSettings newSettings() {
        return TestDatabases.h2File(dataDir);
    }

    @Test
    void fileUrlWritesEveryCommitAndKeepsASmallPageCache() {
        assertThat(AuditDatabase.h2Url("jdbc:h2:file:/data/audit"))
                .isEqualTo("jdbc:h2:file:/data/audit;WRITE_DELAY=0;CACHE_SIZE=4096;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(store.url()).contains(";WRITE_DELAY=0").contains(";CACHE_SIZE=4096");
    }

    @Test
    void settingsGivenInTheUrlAreKept() {
        assertThat(AuditDatabase.h2Url("jdbc:h2:file:/data/audit;CACHE_SIZE=65536;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:/data/audit;CACHE_SIZE=65536;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }
}
