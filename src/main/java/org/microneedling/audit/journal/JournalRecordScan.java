package org.microneedling.audit.journal;

import java.io.IOException;
import java.util.function.Consumer;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.ChainHash;
import org.microneedling.audit.RecordQuery;

/**
 * Streams the records a {@link RecordQuery} asks for, frame by frame in sequence order. Segments that end before
 * the position or were all recorded before the time range are not opened; the scan stops at the first record
 * recorded after the range could end ({@link RecordQuery#RECORDING_MARGIN}).
 */
final class JournalRecordScan {

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
                try (FrameReader reader = FrameReader.of(segment)) {
                    Frame frame;
                    while ((frame = reader.next()) != null) {
                        if (segment.firstSeq() <= after && sequence(frame) <= after) {
                            continue;
                        }
                        ChainHash.Content content = decode(frame);
                        if (ChainHash.epochMicros(content.recordedAt()) >= recordedBeforeMicros) {
                            return position;
                        }
                        position = content.seq();
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

    private static long sequence(Frame frame) throws IOException {
        try {
            return Long.parseLong(ChainHash.field(frame.canonical(), ChainHash.SEQ_FIELD));
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
