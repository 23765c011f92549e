package org.microneedling.audit.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microneedling.audit.AuditEntries;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.AuditStore;

/** The journal holds request bodies, health data: no other local user may read it, whatever the umask. */
class JournalPermissionsTest {

    @TempDir
    Path dataDir;

    @Test
    void underAnOpenUmaskEveryFolderIsPrivateAndEveryFileOwnerOnly() throws Exception {
        Path journal = dataDir.resolve("audit").resolve("journal");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder("sh", "-c", "umask 000 && exec \"$0\" -cp \"$1\" \"$2\" \"$3\"", java,
                System.getProperty("java.class.path"), JournalUnderUmaskChild.class.getName(), journal.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("written");

        assertThat(permissions(journal)).isEqualTo("rwx------");
        assertThat(permissions(journal.getParent())).as("a parent the journal created").isEqualTo("rwx------");
        List<Path> files = files(journal);
        assertThat(files).extracting(file -> file.getFileName().toString())
                .anyMatch(name -> name.endsWith(".journal")).anyMatch(name -> name.endsWith(".summary"))
                .anyMatch(name -> name.endsWith(".index")).anyMatch(name -> name.startsWith("anchor"));
        assertThat(files).allSatisfy(file -> assertThat(permissions(file)).as("%s", file).isEqualTo("rw-------"));
    }

    @Test
    void filesLeftReadableByAnEarlierVersionAreTightenedWhenTheJournalOpens() throws IOException {
        Path journal = dataDir.resolve("journal");
        try (AuditStore store = JournalAuditStore.open(AuditSettings.forJournal(journal))) {
            store.append(List.of(AuditEntries.entry()));
        }
        Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path file : files(journal)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }

        try (AuditStore store = JournalAuditStore.open(AuditSettings.forJournal(journal))) {
            assertThat(store.verify().intact()).isTrue();
        }

        assertThat(permissions(journal)).isEqualTo("rwx------");
        assertThat(files(journal)).isNotEmpty()
                .allSatisfy(file -> assertThat(permissions(file)).as("%s", file).isEqualTo("rw-------"));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.toList();
        }
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
