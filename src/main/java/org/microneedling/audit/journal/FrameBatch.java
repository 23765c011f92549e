package org.microneedling.audit.journal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.CRC32C;

/** The records of one append, framed; built by the writer, written in one piece, then reused. */
final class FrameBatch {

    private final CRC32C crc = new CRC32C();
    private byte[] bytes = new byte[64 * 1024];
    private int length;
    private int records;
    private long lastSeq;
    private String lastHash;
    private long minIdMillis = Long.MAX_VALUE;
    private long maxIdMillis = Long.MIN_VALUE;
    private long maxRecordedMicros = Long.MIN_VALUE;
    private int lastFrameFlagsAt = -1;
    /** Per frame, for the active segment's id index: where it starts in the batch, its id and kind. */
    private int[] frameStarts = new int[16];
    private UUID[] ids = new UUID[16];
    private String[] kinds = new String[16];

    /** Empties the batch, keeping its buffer: the writer builds one batch after another. */
    void clear() {
        if (bytes.length > 1024 * 1024) {
            // A large batch endpoint call should not pin its buffer for the life of the process.
            bytes = new byte[64 * 1024];
        }
        length = 0;
        records = 0;
        lastSeq = 0;
        lastHash = null;
        minIdMillis = Long.MAX_VALUE;
        maxIdMillis = Long.MIN_VALUE;
        maxRecordedMicros = Long.MIN_VALUE;
        lastFrameFlagsAt = -1;
        if (ids.length > 1024) {
            frameStarts = new int[16];
            ids = new UUID[16];
            kinds = new String[16];
        } else {
            Arrays.fill(ids, null);
            Arrays.fill(kinds, null);
        }
    }

    /**
     * @param id the record's id, null for a frame that is not a record (an anchor)
     * @param kind the record's kind as {@link org.microneedling.audit.AuditEntry#kindOrScreening} names it
     */
    void add(byte[] canonical, byte[] digest, long seq, String hash, UUID id, String kind, long recordedMicros) {
        long idMillis = id == null ? Long.MIN_VALUE : Segment.idMillis(id);
        if (records == ids.length) {
            frameStarts = Arrays.copyOf(frameStarts, records * 2);
            ids = Arrays.copyOf(ids, records * 2);
            kinds = Arrays.copyOf(kinds, records * 2);
        }
        frameStarts[records] = length;
        ids[records] = id;
        kinds[records] = kind;
        int payload = canonical.length + Frame.DIGEST_BYTES;
        ensure(Frame.HEADER_BYTES + payload);
        int at = length;
        putInt(at, payload);
        bytes[at + 8] = 0;
        System.arraycopy(canonical, 0, bytes, at + Frame.HEADER_BYTES, canonical.length);
        System.arraycopy(digest, 0, bytes, at + Frame.HEADER_BYTES + canonical.length, Frame.DIGEST_BYTES);
        lastFrameFlagsAt = at + 8;
        length += Frame.HEADER_BYTES + payload;
        records++;
        lastSeq = seq;
        lastHash = hash;
        if (idMillis != Long.MIN_VALUE) {
            minIdMillis = Math.min(minIdMillis, idMillis);
            maxIdMillis = Math.max(maxIdMillis, idMillis);
        }
        maxRecordedMicros = Math.max(maxRecordedMicros, recordedMicros);
    }

    /** Marks the last frame as the end of the unit and fills in every frame's CRC. */
    ByteBuffer seal() {
        bytes[lastFrameFlagsAt] = Frame.UNIT_END;
        int at = 0;
        while (at < length) {
            int payload = getInt(at);
            crc.reset();
            crc.update(bytes, at + 8, 1 + payload);
            putInt(at + 4, (int) crc.getValue());
            at += Frame.HEADER_BYTES + payload;
        }
        return ByteBuffer.wrap(bytes, 0, length);
    }

    /** The segment after this batch was appended to it, ending at byte {@code size}. */
    Segment appendedTo(Segment segment, long size) {
        return segment.extendedBy(firstSeq(), lastSeq, records, minIdMillis, maxIdMillis,
                maxRecordedMicros, lastHash, size);
    }

    int records() {
        return records;
    }

    /** Where frame {@code index} starts, counted from the start of the batch. */
    int frameStart(int index) {
        return frameStarts[index];
    }

    UUID id(int index) {
        return ids[index];
    }

    String kind(int index) {
        return kinds[index];
    }

    long firstSeq() {
        return lastSeq - records + 1;
    }

    long maxRecordedMicros() {
        return maxRecordedMicros;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    private void putInt(int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    private int getInt(int at) {
        return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff);
    }
}
