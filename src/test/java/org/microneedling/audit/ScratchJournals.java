package org.microneedling.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The warm-up's scratch journals in the system's temporary folder, for tests that check they are made and deleted. */
public final class ScratchJournals {

    private ScratchJournals() {
    }

    /** The scratch journals' folders there now. */
    public static Set<Path> present() throws IOException {
        try (Stream<Path> folders = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return folders.filter(path -> path.getFileName().toString().startsWith(RehearsalLog.FOLDER_PREFIX))
                    .collect(Collectors.toSet());
        }
    }

    /** Bytes in the files under {@code folder}. */
    public static long bytesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
