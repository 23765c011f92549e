package org.microneedling.audit.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.ChainHash;
import org.microneedling.audit.RecordQuery;
import org.microneedling.common.ClinicId;

/**
 * Streams the records a {@link RecordQuery} asks for, frame by frame in sequence order. Segments that end before
 * the position or were all recorded before the time range are not opened; of a closed segment whose index keeps
 * the offsets of the kinds asked for, only those frames are read (none when it holds none of them). The scan stops
 * at the first record recorded after the range could end ({@link RecordQuery#RECORDING_MARGIN}).
 */
final class JournalRecordScan {

    private static final byte[] VERSION_2 = ChainHash.VERSION_2.getBytes(StandardCharsets.US_ASCII);

    private JournalRecordScan() {
    }

    /** The sequence of the last record examined, or {@code query.afterPosition()} when none was. */
    static long scan(SegmentedJournal journal, RecordQuery query, Consumer<AuditEntry> each) throws IOException {
        long after = query.afterPosition();
        long recordedFromMicros = query.recordedFrom() == null ? Long.MIN_VALUE
                : ChainHash.epochMicros(query.recordedFrom());
        long recordedBeforeMicros = query.recordedBefore() == null ? Long.MAX_VALUE
                : ChainHash.epochMicros(query.recordedBefore());
        long position = after;
        journal.filesLock().readLock().lock();
        try {
            for (Segment segment : journal.segments()) {
                if (segment.records() == 0 || segment.lastSeq() <= after
                        || segment.maxRecordedMicros() < recordedFromMicros) {
                    continue;
                }
                List<Frame> ofTheKinds = framesOfTheKinds(journal, segment, query, recordedBeforeMicros);
                if (ofTheKinds != null) {
                    for (Frame frame : ofTheKinds) {
                        if (segment.firstSeq() <= after && sequence(frame) <= after) {
                            continue;
                        }
                        if (kindAndClinicMayMatch(query, frame)) {
                            ChainHash.Content content = decode(frame);
                            if (query.matches(content.entry())) {
                                each.accept(content.entry());
                            }
                        }
                    }
                    // As if every frame had been read: the others are of kinds not asked for.
                    position = segment.lastSeq();
                    continue;
                }
                try (FrameReader reader = FrameReader.of(segment)) {
                    Frame frame;
                    while ((frame = reader.next()) != null) {
                        if (segment.firstSeq() <= after && sequence(frame) <= after) {
                            continue;
                        }
                        long recordedMicros = recordedMicros(frame);
                        if (recordedMicros >= recordedBeforeMicros) {
                            return position;
                        }
                        position = sequence(frame);
                        if (!kindAndClinicMayMatch(query, frame)) {
                            continue;
                        }
                        ChainHash.Content content = decode(frame);
                        if (query.matches(content.entry())) {
                            each.accept(content.entry());
                        }
                    }
                }
            }
            return position;
        } finally {
            journal.filesLock().readLock().unlock();
        }
    }

    /**
     * The frames of the kinds asked for in a closed segment, read at the offsets its index keeps for kinds with
     * few frames there (none at all for a segment without those kinds), or null: read the whole segment. Each
     * frame is checked (CRC, and that it is of such a kind) before any is handed on; one that is not makes the
     * index distrusted and the segment read in full. A segment with records recorded after the time range is read
     * in full too: the scan stops in it, at the position a full read reports.
     */
    private static List<Frame> framesOfTheKinds(SegmentedJournal journal, Segment segment, RecordQuery query,
            long recordedBeforeMicros) throws IOException {
        if (query.kinds() == null || segment.maxRecordedMicros() >= recordedBeforeMicros) {
            return null;
        }
        long[] offsets = journal.indexes().framesOf(segment, query.kinds());
        if (offsets == null) {
            return null;
        }
        List<Frame> frames = new ArrayList<>(offsets.length);
        if (offsets.length == 0) {
            return frames;
        }
        try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.READ)) {
            for (long offset : offsets) {
                if (!kindChecked(journal, segment, query, offset, channel, frames)) {
                    return null;
                }
            }
        }
        return frames;
    }

    /** Reads the frame at {@code offset} into {@code frames}; false when the index pointed wrong. */
    private static boolean kindChecked(SegmentedJournal journal, Segment segment, RecordQuery query, long offset,
            FileChannel channel, List<Frame> frames) throws IOException {
        Frame frame;
        try {
            frame = FrameReader.readAt(channel, segment.path(), offset, segment.size());
        } catch (DamagedFrameException pointedWrong) {
            journal.indexes().distrust(segment, pointedWrong.getMessage());
            return false;
        }
        String kind;
        try {
            kind = kindOf(frame.canonical());
        } catch (IllegalArgumentException malformed) {
            throw new IOException("a record cannot be decoded", malformed);
        }
        if (!query.kinds().contains(kind)) {
            journal.indexes().distrust(segment, "the frame at byte " + offset + " is of another kind");
            return false;
        }
        frames.add(frame);
        return true;
    }

    /** As {@link AuditEntry#kindOrScreening}, read from the canonical bytes: a record without kind is a screening. */
    static String kindOf(byte[] canonical) {
        if (!ChainHash.fieldEquals(canonical, 0, VERSION_2)) {
            return AuditEntry.SCREENING;
        }
        String kind = ChainHash.field(canonical, ChainHash.KIND_FIELD);
        return kind == null ? AuditEntry.SCREENING : kind;
    }

    private static long sequence(Frame frame) throws IOException {
        return number(frame, ChainHash.SEQ_FIELD);
    }

    private static long recordedMicros(Frame frame) throws IOException {
        return number(frame, ChainHash.RECORDED_AT_FIELD);
    }

    private static long number(Frame frame, int index) throws IOException {
        try {
            return Long.parseLong(ChainHash.field(frame.canonical(), index));
        } catch (IllegalArgumentException malformed) {
            throw new IOException("a record cannot be decoded", malformed);
        }
    }

    /**
     * Checks kind and clinic without decoding the record: a replay of one clinic's screenings, or a look for the
     * few policies, would otherwise turn every other record's request and result into strings.
     */
    private static boolean kindAndClinicMayMatch(RecordQuery query, Frame frame) throws IOException {
        if (query.kinds() == null && query.clinicId() == null) {
            return true;
        }
        boolean v2 = ChainHash.fieldEquals(frame.canonical(), 0, VERSION_2);
        String kind = v2 ? field(frame, ChainHash.KIND_FIELD) : null;
        String clinic = v2 ? field(frame, ChainHash.CLINIC_FIELD) : null;
        return (query.kinds() == null || query.kinds().contains(kind == null ? AuditEntry.SCREENING : kind))
                && (query.clinicId() == null || query.clinicId().equals(ClinicId.orDefault(clinic)));
    }

    private static String field(Frame frame, int index) throws IOException {
        try {
            return ChainHash.field(frame.canonical(), index);
        } catch (IllegalArgumentException malformed) {
            throw new IOException("a record cannot be decoded", malformed);
        }
    }

    /** A record that cannot be decoded is a damaged store, not a caller's mistake. */
    static ChainHash.Content decode(Frame frame) throws IOException {
        try {
            return ChainHash.parse(frame.canonical());
        } catch (IllegalArgumentException malformed) {
            throw new IOException("a record cannot be decoded", malformed);
        }
    }
}
