package org.microneedling.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Migrations are listed in code rather than scanned; a new file that is not listed would silently never run. */
class AuditMigrationsTest {

    @Test
    void everyMigrationFileIsListed() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", AuditDatabase.MIGRATION_FOLDER))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(
                            AuditDatabase.MIGRATIONS.stream().map(AuditDatabase.Migration::file).toList());
        }
    }
}
