package org.microneedling.audit.journal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The id index of the segment being written, in memory: filled by the writer after each append, read by any
 * thread; bounded by the segment size. When the segment closes its entries become its {@link SegmentIndex} file.
 */
final class ActiveIndex {

    private final long firstSeq;
    private final Map<UUID, Long> offsets = new ConcurrentHashMap<>();
    /** Only touched by the writer (under the journal's append lock). */
    private final IndexEntries entries;

    private ActiveIndex(long firstSeq, IndexEntries entries) {
        this.firstSeq = firstSeq;
        this.entries = entries;
    }

    static ActiveIndex empty(long firstSeq) {
        return new ActiveIndex(firstSeq, new IndexEntries());
    }

    /** The index of a segment read at open, from what its frames held. */
    static ActiveIndex of(long firstSeq, IndexEntries read) {
        ActiveIndex index = new ActiveIndex(firstSeq, read);
        for (int i = 0; i < read.size(); i++) {
            index.offsets.putIfAbsent(new UUID(read.msb(i), read.lsb(i)), read.offset(i));
        }
        return index;
    }

    /** Records the frames of a batch just written at {@code position} of this segment. */
    void added(FrameBatch batch, long position) {
        for (int i = 0; i < batch.records(); i++) {
            long offset = position + batch.frameStart(i);
            entries.add(batch.id(i), batch.kind(i), offset);
            offsets.putIfAbsent(batch.id(i), offset);
        }
    }

    boolean indexes(Segment segment) {
        return segment.firstSeq() == firstSeq;
    }

    /**
     * Where the first frame with this id starts, or {@link SegmentIndex#ABSENT}; a frame at or beyond
     * {@code visibleSize} belongs to an append the caller's view of the journal does not include yet.
     */
    long offsetOf(UUID id, long visibleSize) {
        Long offset = offsets.get(id);
        return offset == null || offset >= visibleSize ? SegmentIndex.ABSENT : offset;
    }

    IndexEntries entries() {
        return entries;
    }
}
