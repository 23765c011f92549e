package org.microneedling.audit.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import org.microneedling.audit.OwnerOnly;

/**
 * The names and files of a journal folder: {@code segment-<first sequence>.journal}, its {@code .summary} and
 * {@code .index} ({@link SegmentIndex}) once it is closed, and the folder itself.
 */
final class SegmentFiles {

    private static final Logger LOG = Logger.getLogger(SegmentFiles.class);
    private static final String SEGMENT_PREFIX = "segment-";
    private static final String SEGMENT_SUFFIX = ".journal";
    private static final String SUMMARY_SUFFIX = ".summary";
    private static final String INDEX_SUFFIX = ".index";

    private SegmentFiles() {
    }

    /** Every segment file in {@code dir}, oldest first. */
    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(SEGMENT_PREFIX) && name.endsWith(SEGMENT_SUFFIX);
            }).sorted().toList();
        }
    }

    /** The file of a segment whose first record is {@code firstSeq}; names sort in sequence order. */
    static Path pathFor(Path dir, long firstSeq) {
        return dir.resolve(String.format("%s%020d%s", SEGMENT_PREFIX, firstSeq, SEGMENT_SUFFIX));
    }

    static long firstSeqOf(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(SEGMENT_PREFIX.length(), name.length() - SEGMENT_SUFFIX.length()));
    }

    static Path summaryOf(Path segment) {
        return sibling(segment, SUMMARY_SUFFIX);
    }

    static Path indexOf(Path segment) {
        return sibling(segment, INDEX_SUFFIX);
    }

    private static Path sibling(Path segment, String suffix) {
        String name = segment.getFileName().toString();
        return segment.resolveSibling(name.substring(0, name.length() - SEGMENT_SUFFIX.length()) + suffix);
    }

    /** Replaces the summary in one step, so a crash leaves the old one or the new one, never half of one. */
    static void writeSummary(Segment segment) throws IOException {
        Path summary = summaryOf(segment.path());
        Path temporary = summary.resolveSibling(summary.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        OwnerOnly.file(temporary);
        Files.writeString(temporary, segment.summaryLine() + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(temporary, summary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, summary, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a closed segment, its summary and its index. */
    static void delete(Segment segment) throws IOException {
        Path index = indexOf(segment.path());
        Files.deleteIfExists(index);
        Files.deleteIfExists(index.resolveSibling(index.getFileName() + ".tmp"));
        Files.deleteIfExists(summaryOf(segment.path()));
        Files.deleteIfExists(segment.path());
    }

    /** Makes a file created in {@code dir} survive a power loss along with its contents. */
    static void forceDirectory(Path dir) {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the segment's own sync still holds its bytes.
            LOG.debugf("Directory sync not supported for %s: %s", dir, e.getMessage());
        }
    }
}
