package org.microneedling.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microneedling.audit.AuditSettings.JournalSettings;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Which store the configuration selects: PostgreSQL by URL, an existing H2 file, else the journal. */
class AuditSettingsTest {

    @TempDir
    Path dataDir;

    private AuditSettings settings(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("audit.data-dir", dataDir.toString());
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withMapping(AuditConfig.class)
                .withDefaultValues(all)
                .build();
        return AuditSettings.from(config.getConfigMapping(AuditConfig.class));
    }

    @Test
    void withoutAUrlTheStoreIsTheSyncedJournalInTheDataFolder() {
        AuditSettings settings = settings(Map.of());

        assertThat(settings.jdbcUrl()).isNull();
        assertThat(settings.journal().dir()).isEqualTo(dataDir.resolve("journal").toAbsolutePath().normalize());
        assertThat(settings.journal().sync()).isTrue();
        assertThat(settings.journal().segmentBytes()).isEqualTo(JournalSettings.DEFAULT_SEGMENT_BYTES);
        assertThat(settings.journal().minFreeBytes()).isEqualTo(JournalSettings.DEFAULT_MIN_FREE_BYTES);
    }

    @Test
    void journalSettingsAreRead() {
        AuditSettings settings = settings(Map.of("audit.journal.sync", "false", "audit.journal.segment-size", "1M",
                "audit.journal.min-free-space", "2G"));

        assertThat(settings.journal().sync()).isFalse();
        assertThat(settings.journal().segmentBytes()).isEqualTo(1024L * 1024);
        assertThat(settings.journal().minFreeBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
    }

    @Test
    void aDataFolderWithAnH2FileFromBeforeTheJournalKeepsUsingIt() throws IOException {
        Files.createFile(dataDir.resolve(AuditSettings.LEGACY_H2_FILE));

        AuditSettings settings = settings(Map.of());

        assertThat(settings.journal()).isNull();
        assertThat(settings.jdbcUrl()).startsWith("jdbc:h2:file:").endsWith(dataDir.resolve("audit").toString());
    }

    @Test
    void aUrlSelectsThatDatabaseWhateverTheDataFolderHolds() throws IOException {
        Files.createFile(dataDir.resolve(AuditSettings.LEGACY_H2_FILE));

        AuditSettings settings = settings(Map.of("audit.db.url", "jdbc:postgresql://db.example:5432/screening",
                "audit.db.username", "screening"));

        assertThat(settings.journal()).isNull();
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/screening");
        assertThat(settings.username()).isEqualTo("screening");
    }
}
