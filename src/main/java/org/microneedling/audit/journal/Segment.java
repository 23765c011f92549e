package org.microneedling.audit.journal;

import java.nio.file.Path;
import java.util.UUID;

/**
 * What a segment file holds, known without reading it: kept in memory while running and, once the segment is closed,
 * in its one-line summary file.
 *
 * @param minIdMillis earliest time in the version 7 screening ids it holds, {@code Long.MAX_VALUE} if none
 * @param size bytes of complete units, header included
 */
record Segment(Path path, long firstSeq, long lastSeq, long records, long minIdMillis, long maxIdMillis,
        long maxRecordedMicros, String lastHash, long size) {

    static Segment empty(Path path, long firstSeq) {
        return new Segment(path, firstSeq, firstSeq - 1, 0, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, null,
                Frame.MAGIC.length);
    }

    /** The millisecond time at the start of a version 7 UUID; {@code Long.MIN_VALUE} for any other version. */
    static long idMillis(UUID id) {
        return id.version() == 7 ? id.getMostSignificantBits() >>> 16 : Long.MIN_VALUE;
    }

    boolean mayHold(long idMillis) {
        return idMillis >= minIdMillis && idMillis <= maxIdMillis;
    }

    /** This segment with {@code count} more records after it, now ending at byte {@code newSize}. */
    Segment extendedBy(long fromSeq, long toSeq, long count, long minIdMillisAdded, long maxIdMillisAdded,
            long maxRecordedMicrosAdded, String newLastHash, long newSize) {
        return new Segment(path, records == 0 ? fromSeq : firstSeq, toSeq, records + count,
                Math.min(minIdMillis, minIdMillisAdded), Math.max(maxIdMillis, maxIdMillisAdded),
                Math.max(maxRecordedMicros, maxRecordedMicrosAdded), newLastHash, newSize);
    }

    String summaryLine() {
        return String.join(" ", Long.toString(firstSeq), Long.toString(lastSeq), Long.toString(records),
                Long.toString(minIdMillis), Long.toString(maxIdMillis), Long.toString(maxRecordedMicros),
                lastHash == null ? "-" : lastHash, Long.toString(size));
    }

    static Segment fromSummary(Path path, String line) {
        String[] f = line.trim().split(" ");
        if (f.length != 8) {
            throw new IllegalArgumentException("summary has " + f.length + " fields");
        }
        return new Segment(path, Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), "-".equals(f[6]) ? null : f[6],
                Long.parseLong(f[7]));
    }
}
