package org.microneedling.audit;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the audit store's files to the service's own user: folders {@code rwx------}, files {@code rw-------}.
 * They hold full request bodies, which are health data. Permissions are set after creation, not through the
 * creation attribute alone, because the process umask would otherwise decide; files left readable by an earlier
 * version are tightened when the store opens. Where the file system has no POSIX permissions nothing is changed.
 */
public final class OwnerOnly {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /**
     * Creates {@code dir} and its missing parents, all private; the folder itself and every file in it become
     * private too. Existing parents are left as they are: they may be shared folders such as {@code /var/lib}.
     */
    public static void folder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Path firstMissing = null;
        for (Path current = absolute; current != null && !Files.exists(current); current = current.getParent()) {
            firstMissing = current;
        }
        Files.createDirectories(absolute);
        if (!POSIX) {
            return;
        }
        for (Path created = absolute; firstMissing != null && created != null && created.startsWith(firstMissing);
                created = created.getParent()) {
            Files.setPosixFilePermissions(created, FOLDER);
        }
        Files.setPosixFilePermissions(absolute, FOLDER);
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(entry, FILE);
                } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(entry, FOLDER);
                }
            }
        }
    }

    /** Makes a file the store has just created private. */
    public static void file(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }
}
