package org.microneedling.audit.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.jboss.logging.Logger;
import org.microneedling.audit.AuditRecords;
import org.microneedling.audit.OwnerOnly;
import org.microneedling.audit.ChainHash;

/**
 * The files of the embedded audit store: records appended in {@link Frame frames} to segment files, never rewritten.
 * A segment is closed at {@code segmentBytes} or at the end of its UTC day and described by a one-line summary file
 * ({@link SegmentFiles}), so opening never reads closed segments ({@link SegmentRecovery}), and by an id index
 * ({@link SegmentIndexes}) that finds a record with one read of it and one frame read. The retention purge
 * deletes whole closed segments and writes the anchor the chain then starts from to the {@link AnchorFile}.
 *
 * <p>One writer thread appends (a batch is one {@code write}, then {@code fdatasync} when {@code sync}); readers
 * see only what a completed append made visible. The last frame of every batch carries a unit-end flag: after a
 * crash, frames after the last unit end were never answered and are moved aside, not silently kept or lost.
 */
final class SegmentedJournal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SegmentedJournal.class);

    private final Path dir;
    private final boolean sync;
    private final long segmentBytes;
    /** Held by the writer while it appends, and by the purge while it closes the active segment. */
    private final ReentrantLock appendLock = new ReentrantLock();
    /** Readers share it; deleting a segment file takes it exclusively. */
    private final ReadWriteLock filesLock = new ReentrantReadWriteLock();
    private volatile Segments segments;
    private volatile List<Anchor> anchors;
    /** The active segment's channel; only used under {@link #appendLock}. */
    private FileChannel activeChannel;
    private LocalDate activeDay;
    private final SegmentIndexes indexes;

    private SegmentedJournal(Path dir, boolean sync, long segmentBytes) {
        this.dir = dir;
        this.sync = sync;
        this.segmentBytes = segmentBytes;
        this.indexes = new SegmentIndexes(filesLock, () -> segments.closed(), sync);
    }

    /**
     * Opens the journal in {@code dir} (created if missing): reads the anchors and the segment summaries, and scans
     * the last segment, moving aside any frames after its last complete unit.
     */
    static SegmentedJournal open(Path dir, boolean sync, long segmentBytes) throws IOException {
        OwnerOnly.folder(dir);
        SegmentedJournal journal = new SegmentedJournal(dir, sync, segmentBytes);
        journal.recover();
        return journal;
    }

    private void recover() throws IOException {
        anchors = AnchorFile.read(dir);
        SegmentRecovery.Recovered recovered = SegmentRecovery.recover(dir, segmentBytes, sync);
        segments = recovered.segments();
        indexes.reset(recovered.indexes(), segments.closed(), recovered.active());
        Segment active = segments.active();
        if (active != null) {
            activeChannel = FileChannel.open(active.path(), StandardOpenOption.READ, StandardOpenOption.WRITE);
            activeDay = dayOf(active.maxRecordedMicros());
        }
    }

    Path dir() {
        return dir;
    }

    /** The newest segment that holds a record, or null when none does (then the chain ends at an anchor, if any). */
    Segment lastNonEmpty() {
        List<Segment> all = segments.all();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).records() > 0) {
                return all.get(i);
            }
        }
        return null;
    }

    List<Anchor> anchors() {
        return anchors;
    }

    /** Every segment, oldest first, as of now; hold the read lock of {@link #filesLock} while reading their files. */
    List<Segment> segments() {
        return segments.all();
    }

    ReadWriteLock filesLock() {
        return filesLock;
    }

    /** Where records are, by id, and which kinds a closed segment holds. */
    SegmentIndexes indexes() {
        return indexes;
    }

    /** Writes the batch as one unit after everything appended before it; durable on return when {@code sync}. */
    void append(FrameBatch batch) throws IOException {
        appendLock.lock();
        try {
            ByteBuffer buffer = batch.seal();
            Segment active = activeFor(batch, buffer.remaining());
            long position = active.size();
            try {
                while (buffer.hasRemaining()) {
                    position += activeChannel.write(buffer, position);
                }
                if (sync) {
                    activeChannel.force(false);
                }
            } catch (IOException e) {
                abandonActive(active.size());
                throw e;
            }
            indexes.appended(batch, active.size());
            segments = segments.withActive(batch.appendedTo(active, position));
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * The segment this batch goes to, closing the active one first when it is full or its records are from another
     * UTC day than the batch's: a segment never spans two days, so retention, which deletes whole segments, keeps
     * no record more than a day past its cutoff.
     */
    private Segment activeFor(FrameBatch batch, int bytes) throws IOException {
        Segment active = segments.active();
        LocalDate day = dayOf(batch.maxRecordedMicros());
        if (active != null && active.records() > 0
                && (active.size() + bytes > segmentBytes || !day.equals(activeDay))) {
            closeActive();
            active = null;
        }
        if (active == null) {
            active = startSegment(batch.firstSeq());
            activeDay = day;
        }
        return active;
    }

    private static LocalDate dayOf(long epochMicros) {
        return LocalDate.ofInstant(Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private Segment startSegment(long firstSeq) throws IOException {
        Path path = SegmentFiles.pathFor(dir, firstSeq);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        OwnerOnly.file(path);
        try {
            ByteBuffer header = ByteBuffer.wrap(Frame.MAGIC);
            while (header.hasRemaining()) {
                channel.write(header, header.position());
            }
            if (sync) {
                channel.force(true);
                SegmentFiles.forceDirectory(dir);
            }
        } catch (IOException e) {
            channel.close();
            Files.deleteIfExists(path);
            throw e;
        }
        activeChannel = channel;
        Segment segment = Segment.empty(path, firstSeq);
        indexes.started(segment);
        segments = segments.withActive(segment);
        return segment;
    }

    /** Closes the active segment and writes its summary and index; the next append starts a new one. */
    private void closeActive() throws IOException {
        Segment active = segments.active();
        if (active == null) {
            return;
        }
        if (activeChannel != null) {
            if (sync) {
                activeChannel.force(true);
            }
            activeChannel.close();
            activeChannel = null;
        }
        if (active.records() == 0) {
            Files.deleteIfExists(active.path());
            segments = segments.withActive(null);
            return;
        }
        SegmentFiles.writeSummary(active);
        indexes.closed(active);
        segments = segments.activeClosed();
    }

    /** After a failed write the file may hold part of the batch: cut it back, or stop appending to that file. */
    private void abandonActive(long committedSize) {
        try {
            activeChannel.truncate(committedSize);
            if (sync) {
                activeChannel.force(true);
            }
        } catch (IOException truncateFailed) {
            LOG.warnf("Could not cut the audit journal back after a failed write (%s); the next append re-opens it",
                    truncateFailed.getMessage());
            try {
                activeChannel.close();
            } catch (IOException ignored) {
                // The channel is unusable either way; re-opening recovers the file.
            }
            activeChannel = null;
        }
    }

    /** Re-reads the files after a failure the journal could not repair on its own (see {@link #abandonActive}). */
    void reopenIfNeeded() throws IOException {
        appendLock.lock();
        try {
            if (segments.active() != null && activeChannel == null) {
                recover();
            }
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * Deletes the oldest segments whose every record was recorded before {@code cutoff}, writing an anchor for the
     * last record of each first. Whole segments only: a record may outlive the cutoff by up to one segment (at
     * most a day, since segments close at the end of their day).
     *
     * @return how many records were deleted, and the sequence of the last one (-1 if none)
     */
    AuditRecords.Purged purge(String chainId, Instant cutoff) throws IOException {
        long cutoffMicros = ChainHash.epochMicros(cutoff);
        appendLock.lock();
        try {
            Segment active = segments.active();
            if (active != null && active.records() > 0 && active.maxRecordedMicros() < cutoffMicros) {
                closeActive();
            }
        } finally {
            appendLock.unlock();
        }
        long deleted = 0;
        long lastSeq = -1;
        filesLock.writeLock().lock();
        try {
            List<Segment> closed = new ArrayList<>(segments.closed());
            while (!closed.isEmpty() && closed.get(0).maxRecordedMicros() < cutoffMicros) {
                Segment oldest = closed.remove(0);
                if (oldest.records() > 0) {
                    addAnchor(new Anchor(chainId, oldest.lastSeq(), oldest.lastHash(), oldest.records(), cutoff,
                            ChainHash.storable(Instant.now())));
                    deleted += oldest.records();
                    lastSeq = oldest.lastSeq();
                }
                replaceClosed(closed);
                indexes.removed(oldest);
                SegmentFiles.delete(oldest);
            }
        } finally {
            filesLock.writeLock().unlock();
        }
        return new AuditRecords.Purged(chainId, deleted, lastSeq);
    }

    private void addAnchor(Anchor anchor) throws IOException {
        AnchorFile.append(dir, anchor);
        List<Anchor> updated = new ArrayList<>(anchors);
        updated.add(anchor);
        anchors = List.copyOf(updated);
    }

    private void replaceClosed(List<Segment> closed) {
        appendLock.lock();
        try {
            segments = segments.withClosed(closed);
        } finally {
            appendLock.unlock();
        }
    }

    @Override
    public void close() {
        indexes.close();
        appendLock.lock();
        try {
            if (activeChannel != null) {
                activeChannel.close();
                activeChannel = null;
            }
        } catch (IOException e) {
            LOG.warnf("Closing the audit journal: %s", e.getMessage());
        } finally {
            appendLock.unlock();
        }
    }
}
