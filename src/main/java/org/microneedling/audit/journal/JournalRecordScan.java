package org.microneedling.audit.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import java.util.function.Consumer;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.ChainHash;
import org.microneedling.audit.RecordQuery;
import org.microneedling.common.ClinicId;

/**
 * Streams the records a {@link RecordQuery} asks for, frame by frame in sequence order. Segments that end before
 * the position or were all recorded before the time range are not opened, nor are closed segments whose index
 * says they hold none of the kinds asked for; the scan stops at the first record recorded after the range could
 * end ({@link RecordQuery#RECORDING_MARGIN}).
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
                if (holdsNoneOfTheKinds(journal, segment, query, recordedBeforeMicros)) {
                    // Examined without reading it, as if every frame had been read and none matched.
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
     * Whether the index of a closed segment says it holds none of the kinds asked for. A segment with records
     * recorded after the time range is read as before: the scan stops in it, and must return the same position.
     */
    private static boolean holdsNoneOfTheKinds(SegmentedJournal journal, Segment segment, RecordQuery query,
            long recordedBeforeMicros) {
        if (query.kinds() == null || segment.maxRecordedMicros() >= recordedBeforeMicros) {
            return false;
        }
        Set<String> held = journal.indexes().kindsOf(segment);
        return held != null && Collections.disjoint(held, query.kinds());
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
