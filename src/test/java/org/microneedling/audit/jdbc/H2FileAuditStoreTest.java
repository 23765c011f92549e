package org.microneedling.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microneedling.audit.AuditEntries;
import org.microneedling.audit.AuditSettings;

class H2FileAuditStoreTest extends AuditStoreContract {

    @TempDir
    Path dataDir;

    @Override
    AuditSettings newSettings() {
        return TestDatabases.h2File(dataDir);
    }

    @Test
    void fileUrlWritesEveryCommitAndKeepsASmallPageCache() {
        assertThat(AuditDatabase.h2Url("jdbc:h2:file:/data/audit")).isEqualTo(
                "jdbc:h2:file:/data/audit;WRITE_DELAY=0;CACHE_SIZE=4096;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(store.url()).contains(";WRITE_DELAY=0").contains(";CACHE_SIZE=4096");
    }

    @Test
    void oneCommitPerRecordDoesNotGrowTheFileWithoutBound() throws Exception {
        // One record per commit, a few hundred a second. Without compaction the file grew by about 25 KB per
        // record (a new chunk per commit, each keeping a few live pages); the records themselves are about 2 KB.
        // Compaction only touches chunks older than H2's retention time (45 s by default): this store uses 2 s so
        // that the test takes seconds, and the first seconds are left out of the measurement.
        store.close();
        store = JdbcAuditStore.open(AuditSettings.forUrl(AuditSettings.embeddedUrl(dataDir.resolve("short-retention"))
                + ";RETENTION_TIME=2000", null, null));
        appendOneAtATimeFor(java.time.Duration.ofSeconds(4));
        Path file = dataDir.resolve("short-retention").resolve("audit.mv.db");
        long sizeBefore = java.nio.file.Files.size(file);
        int records = appendOneAtATimeFor(java.time.Duration.ofSeconds(5));
        long growth = java.nio.file.Files.size(file) - sizeBefore;

        System.out.printf("H2 file grew by %d KB for %d single-record commits (%d bytes per record)%n", growth / 1024,
                records, growth / records);
        assertThat(records).isGreaterThan(300);
        assertThat(growth / records).as("file growth per record, bytes").isLessThan(6_000);
    }

    private int appendOneAtATimeFor(java.time.Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        int records = 0;
        while (System.nanoTime() < until) {
            store.append(java.util.List.of(AuditEntries.entry()));
            records++;
            Thread.sleep(2);
        }
        return records;
    }

    @Test
    void settingsGivenInTheUrlAreKept() {
        assertThat(AuditDatabase.h2Url("jdbc:h2:file:/data/audit;CACHE_SIZE=65536;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:/data/audit;CACHE_SIZE=65536;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }
}
