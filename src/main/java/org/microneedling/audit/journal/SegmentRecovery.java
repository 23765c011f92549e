package org.microneedling.audit.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.microneedling.audit.ChainHash;
import org.microneedling.audit.OwnerOnly;

/**
 * Finds the segments of a journal folder when it is opened: closed segments from their summaries and id indexes
 * (read in full only when one is missing or stale), the last segment by reading every frame, repaired if a crash
 * cut it.
 */
final class SegmentRecovery {

    private static final Logger LOG = Logger.getLogger(SegmentRecovery.class);

    private SegmentRecovery() {
    }

    /** The segments of a journal folder, with the id indexes of the closed ones that have or could get one. */
    record Recovered(Segments segments, Map<Long, SegmentIndex> indexes, ActiveIndex active) {
    }

    /**
     * The segments in {@code dir}; the last one is active unless it is empty (deleted) or full (closed). A closed
     * segment whose index is missing or damaged has it rebuilt here, before the journal answers: once for a
     * journal written before indexes (about as long as one full read of the trail, which the first kinds scan then
     * no longer does), otherwise only after damage.
     */
    static Recovered recover(Path dir, long segmentBytes, boolean sync) throws IOException {
        List<Path> files = SegmentFiles.list(dir);
        if (files.isEmpty()) {
            return new Recovered(Segments.NONE, Map.of(), null);
        }
        long started = System.nanoTime();
        List<Segment> closed = new ArrayList<>();
        Map<Long, SegmentIndex> indexes = new HashMap<>();
        int rebuilt = 0;
        for (Path file : files.subList(0, files.size() - 1)) {
            Closed segment = closedSegment(file, sync);
            closed.add(segment.segment());
            if (segment.index() != null) {
                indexes.put(segment.segment().firstSeq(), segment.index());
            }
            rebuilt += segment.rebuilt() ? 1 : 0;
        }
        Scan lastScan = scanAndRepair(files.get(files.size() - 1));
        Segments recovered = new Segments(List.copyOf(closed), lastScan.segment());
        Segment last = recovered.active();
        if (rebuilt > 0) {
            LOG.infof("Audit journal: the id index of %d segment(s) was missing or unusable and was rebuilt in %d ms",
                    rebuilt, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        if (last.records() == 0) {
            Files.delete(last.path());
            return new Recovered(recovered.withActive(null), indexes, null);
        }
        if (last.size() >= segmentBytes) {
            SegmentFiles.writeSummary(last);
            try {
                indexes.put(last.firstSeq(), SegmentIndex.write(last, lastScan.entries(), sync));
            } catch (IOException e) {
                LOG.warnf("Audit journal index of %s not written (%s)", last.path().getFileName(), e.getMessage());
            }
            return new Recovered(recovered.activeClosed(), indexes, null);
        }
        return new Recovered(recovered, indexes, ActiveIndex.of(last.firstSeq(), lastScan.entries()));
    }

    private record Closed(Segment segment, SegmentIndex index, boolean rebuilt) {
    }

    private static Closed closedSegment(Path path, boolean sync) throws IOException {
        Path summary = SegmentFiles.summaryOf(path);
        if (Files.exists(summary)) {
            try {
                Segment segment = Segment.fromSummary(path, Files.readString(summary, StandardCharsets.UTF_8));
                if (segment.size() == Files.size(path)) {
                    try {
                        return new Closed(segment, SegmentIndex.read(segment), false);
                    } catch (IOException unusable) {
                        if (!(unusable instanceof NoSuchFileException)) {
                            LOG.warnf("Audit journal index unusable (%s); rebuilding it", unusable.getMessage());
                        }
                        return new Closed(segment, buildIndex(segment, sync), true);
                    }
                }
            } catch (IllegalArgumentException e) {
                LOG.warnf("Audit journal summary %s unreadable (%s); reading the segment", summary.getFileName(),
                        e.getMessage());
            }
        }
        Scan scan = scan(path, Files.size(path));
        Segment segment = scan.segment();
        SegmentFiles.writeSummary(segment);
        return new Closed(segment, scan.damage() == null ? writeIndex(segment, scan.entries(), sync) : null, true);
    }

    /**
     * Reads a closed segment up to its summary's size and writes its index; null (with a warning) when a frame
     * cannot be read: such a segment is scanned as before, and verification reports the damage.
     */
    static SegmentIndex buildIndex(Segment segment, boolean sync) throws IOException {
        Scan scan = scan(segment.path(), segment.size());
        Segment read = scan.segment();
        if (scan.damage() != null || read.size() != segment.size() || read.records() != segment.records()) {
            LOG.warnf("Audit journal index of %s not built: %s", segment.path().getFileName(),
                    scan.damage() != null ? scan.damage().getMessage() : "the segment does not match its summary");
            return null;
        }
        return writeIndex(segment, scan.entries(), sync);
    }

    private static SegmentIndex writeIndex(Segment segment, IndexEntries entries, boolean sync) {
        try {
            return SegmentIndex.write(segment, entries, sync);
        } catch (IOException e) {
            LOG.warnf("Audit journal index of %s not written (%s)", segment.path().getFileName(), e.getMessage());
            return null;
        }
    }

    private record Scan(Segment segment, long unitEndOffset, DamagedFrameException damage, IndexEntries entries) {
    }

    /** Reads every frame; stops at the first damaged one. The segment returned covers complete units only. */
    private static Scan scan(Path path, long size) throws IOException {
        Segment complete = Segment.empty(path, SegmentFiles.firstSeqOf(path));
        Segment running = complete;
        boolean[] unitEnd = new boolean[1];
        IndexEntries entries = new IndexEntries();
        try (FrameReader reader = new FrameReader(path, size)) {
            Frame frame;
            long start = reader.offset();
            while ((frame = reader.next(unitEnd)) != null) {
                byte[] canonical = frame.canonical();
                long seq = Long.parseLong(ChainHash.field(canonical, ChainHash.SEQ_FIELD));
                UUID id = UUID.fromString(ChainHash.field(canonical, ChainHash.SCREENING_ID_FIELD));
                entries.add(id, JournalRecordScan.kindOf(canonical), start);
                start = reader.offset();
                long idMillis = Segment.idMillis(id);
                long recorded = Long.parseLong(ChainHash.field(canonical, ChainHash.RECORDED_AT_FIELD));
                running = running.extendedBy(seq, seq, 1, idMillis == Long.MIN_VALUE ? Long.MAX_VALUE : idMillis,
                        idMillis, recorded, HexFormat.of().formatHex(frame.storedDigest()), reader.offset());
                if (unitEnd[0]) {
                    complete = running;
                }
            }
        } catch (DamagedFrameException damaged) {
            entries.cutAt(complete.size());
            return new Scan(complete, complete.size(), damaged, entries);
        } catch (IllegalArgumentException malformed) {
            entries.cutAt(complete.size());
            return new Scan(complete, complete.size(),
                    new DamagedFrameException(path, running.size(), "record cannot be decoded"), entries);
        }
        entries.cutAt(complete.size());
        return new Scan(complete, complete.size(), null, entries);
    }

    /**
     * A crash can only cut the last batch short: a batch is written only after the one before it was synced. So
     * when a complete unit and a frame after it can be read beyond the damaged frame, cutting at the damage would
     * drop records that callers were told were recorded.
     */
    private static boolean laterBatchFollows(Path path, DamagedFrameException damage, long size) throws IOException {
        boolean[] unitEnd = new boolean[1];
        try (FrameReader reader = FrameReader.after(path, damage.offset(), size)) {
            boolean unitEnded = reader.skippedUnitEnd();
            while (reader.next(unitEnd) != null) {
                if (unitEnded) {
                    return true;
                }
                unitEnded = unitEnd[0];
            }
        } catch (DamagedFrameException | IllegalArgumentException unreadable) {
            return false;
        }
        return false;
    }

    /**
     * The last segment after a crash may end in a batch that was never answered (written in part, or without its
     * unit end). Those bytes are copied to a side file for inspection, then cut off, so the chain continues
     * from the last record a caller may have been told about.
     */
    private static Scan scanAndRepair(Path path) throws IOException {
        long size = Files.size(path);
        if (size < Frame.MAGIC.length) {
            Segment empty = Segment.empty(path, SegmentFiles.firstSeqOf(path));
            return new Scan(empty, empty.size(), null, new IndexEntries());
        }
        Scan scan = scan(path, size);
        long kept = scan.unitEndOffset();
        if (scan.damage() != null && laterBatchFollows(path, scan.damage(), size)) {
            throw new IOException("audit journal " + scan.damage().getMessage() + ", and records of a later batch "
                    + "follow it: this is damage to confirmed records, not a write a crash cut short. Nothing was "
                    + "cut; restore the segment from a backup, or inspect it and move it aside; the journal opens again once it can be read");
        }
        if (kept < size) {
            Path aside = path.resolveSibling(path.getFileName() + ".tail-" + System.currentTimeMillis());
            try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE)) {
                OwnerOnly.file(aside);
                long copied = 0;
                while (copied < size - kept) {
                    copied += in.transferTo(kept + copied, size - kept - copied, out);
                }
                out.force(true);
                in.truncate(kept);
                in.force(true);
            }
            LOG.warnf("Audit journal %s ended in %d bytes of a batch that was never confirmed (%s); they were moved "
                    + "to %s and the journal continues after record %d", path.getFileName(), size - kept,
                    scan.damage() != null ? scan.damage().getMessage() : "no unit end", aside.getFileName(),
                    scan.segment().lastSeq());
        }
        return scan;
    }
}
