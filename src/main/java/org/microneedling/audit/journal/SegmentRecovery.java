package org.microneedling.audit.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.microneedling.audit.ChainHash;
import org.microneedling.audit.OwnerOnly;

/**
 * Finds the segments of a journal folder when it is opened: closed segments from their summaries (read in full only
 * when a summary is missing or stale), the last segment by reading every frame, repaired if a crash cut it.
 */
final class SegmentRecovery {

    private static final Logger LOG = Logger.getLogger(SegmentRecovery.class);

    private SegmentRecovery() {
    }

    /** The segments in {@code dir}; the last one is active unless it is empty (deleted) or full (closed). */
    static Segments recover(Path dir, long segmentBytes) throws IOException {
        List<Path> files = SegmentFiles.list(dir);
        if (files.isEmpty()) {
            return Segments.NONE;
        }
        List<Segment> closed = new ArrayList<>();
        for (Path file : files.subList(0, files.size() - 1)) {
            closed.add(closedSegment(file));
        }
        Segments recovered = new Segments(List.copyOf(closed), scanAndRepair(files.get(files.size() - 1)));
        Segment last = recovered.active();
        if (last.records() == 0) {
            Files.delete(last.path());
            return recovered.withActive(null);
        }
        if (last.size() >= segmentBytes) {
            SegmentFiles.writeSummary(last);
            return recovered.activeClosed();
        }
        return recovered;
    }

    private static Segment closedSegment(Path path) throws IOException {
        Path summary = SegmentFiles.summaryOf(path);
        if (Files.exists(summary)) {
            try {
                Segment segment = Segment.fromSummary(path, Files.readString(summary, StandardCharsets.UTF_8));
                if (segment.size() == Files.size(path)) {
                    return segment;
                }
            } catch (IllegalArgumentException e) {
                LOG.warnf("Audit journal summary %s unreadable (%s); reading the segment", summary.getFileName(),
                        e.getMessage());
            }
        }
        Segment segment = scan(path, Files.size(path)).segment();
        SegmentFiles.writeSummary(segment);
        return segment;
    }

    private record Scan(Segment segment, long unitEndOffset, DamagedFrameException damage) {
    }

    /** Reads every frame; stops at the first damaged one. The segment returned covers complete units only. */
    private static Scan scan(Path path, long size) throws IOException {
        Segment complete = Segment.empty(path, SegmentFiles.firstSeqOf(path));
        Segment running = complete;
        boolean[] unitEnd = new boolean[1];
        try (FrameReader reader = new FrameReader(path, size)) {
            Frame frame;
            while ((frame = reader.next(unitEnd)) != null) {
                byte[] canonical = frame.canonical();
                long seq = Long.parseLong(ChainHash.field(canonical, ChainHash.SEQ_FIELD));
                long idMillis = Segment.idMillis(UUID.fromString(ChainHash.field(canonical,
                        ChainHash.SCREENING_ID_FIELD)));
                long recorded = Long.parseLong(ChainHash.field(canonical, ChainHash.RECORDED_AT_FIELD));
                running = running.extendedBy(seq, seq, 1, idMillis == Long.MIN_VALUE ? Long.MAX_VALUE : idMillis,
                        idMillis, recorded, HexFormat.of().formatHex(frame.storedDigest()), reader.offset());
                if (unitEnd[0]) {
                    complete = running;
                }
            }
        } catch (DamagedFrameException damaged) {
            return new Scan(complete, complete.size(), damaged);
        } catch (IllegalArgumentException malformed) {
            return new Scan(complete, complete.size(),
                    new DamagedFrameException(path, running.size(), "record cannot be decoded"));
        }
        return new Scan(complete, complete.size(), null);
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
    private static Segment scanAndRepair(Path path) throws IOException {
        long size = Files.size(path);
        if (size < Frame.MAGIC.length) {
            return Segment.empty(path, SegmentFiles.firstSeqOf(path));
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
        return scan.segment();
    }
}
