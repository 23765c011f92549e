package org.microneedling.audit.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.microneedling.audit.ChainHash;

/**
 * Finds the record with an id: in each segment that may hold it, newest first, the segment's index gives the
 * offset of its frame, which is read and checked (CRC, and that it holds the id). Without a usable index, or when
 * the index pointed wrong, the segment is scanned frame by frame as before indexes existed.
 */
final class JournalIdLookup {

    private JournalIdLookup() {
    }

    /** The canonical bytes of the first record with this id in the newest segment that holds one. */
    static Optional<byte[]> canonicalOf(SegmentedJournal journal, UUID id) throws IOException {
        byte[] wanted = id.toString().getBytes(StandardCharsets.US_ASCII);
        long idMillis = Segment.idMillis(id);
        journal.filesLock().readLock().lock();
        try {
            List<Segment> segments = journal.segments();
            // Newest first: a read-back usually follows its screening closely.
            for (int i = segments.size() - 1; i >= 0; i--) {
                Segment segment = segments.get(i);
                if (segment.records() == 0 || (idMillis != Long.MIN_VALUE && !segment.mayHold(idMillis))) {
                    continue;
                }
                Optional<byte[]> found = inSegment(journal.indexes(), segment, id, wanted);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        } finally {
            journal.filesLock().readLock().unlock();
        }
    }

    private static Optional<byte[]> inSegment(SegmentIndexes indexes, Segment segment, UUID id, byte[] wanted)
            throws IOException {
        long offset = indexes.offsetOf(segment, id);
        if (offset == SegmentIndex.ABSENT) {
            return Optional.empty();
        }
        if (offset >= 0) {
            try {
                Frame frame = FrameReader.readAt(segment.path(), offset, segment.size());
                if (ChainHash.fieldEquals(frame.canonical(), ChainHash.SCREENING_ID_FIELD, wanted)) {
                    return Optional.of(frame.canonical());
                }
                indexes.distrust(segment, "the frame at byte " + offset + " holds another record");
            } catch (DamagedFrameException pointedWrong) {
                // Either the index points into the middle of a frame or the frame is damaged: the scan tells which.
                indexes.distrust(segment, pointedWrong.getMessage());
            }
        }
        return scan(segment, wanted);
    }

    private static Optional<byte[]> scan(Segment segment, byte[] wanted) throws IOException {
        try (FrameReader reader = FrameReader.of(segment)) {
            Frame frame;
            while ((frame = reader.next()) != null) {
                if (ChainHash.fieldEquals(frame.canonical(), ChainHash.SCREENING_ID_FIELD, wanted)) {
                    return Optional.of(frame.canonical());
                }
            }
        }
        return Optional.empty();
    }
}
