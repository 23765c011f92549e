package org.microneedling.audit;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.jboss.logging.Logger;

/**
 * The files of the embedded audit store: records appended to segment files, never rewritten, each in a frame
 * with its length and a CRC-32C, carrying the record's canonical bytes (the hash chain's own encoding,
 * {@link ChainHash}) and its SHA-256. A segment is closed at {@code segmentBytes} or at the end of its UTC day and
 * described by a one-line summary file, so opening never reads closed segments. The retention purge deletes whole
 * closed segments and writes the anchor the chain then starts from to {@code anchors.journal}.
 *
 * <p>One writer thread appends (a batch is one {@code write}, then {@code fdatasync} when {@code sync}); readers
 * see only what a completed append made visible. The last frame of every batch carries a unit-end flag: after a
 * crash, frames after the last unit end were never answered and are moved aside, not silently kept or lost.
 */
final class Journal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Journal.class);

    static final byte[] MAGIC = "MNAUDIT1".getBytes(StandardCharsets.US_ASCII);
    /** Payload length (4), CRC-32C of flags and payload (4), flags (1). */
    static final int FRAME_HEADER_BYTES = 9;
    static final byte UNIT_END = 1;
    static final int DIGEST_BYTES = 32;
    /** Far above any record the API accepts (64 KiB questionnaire plus its result); a larger length is damage. */
    static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
    private static final String SEGMENT_PREFIX = "segment-";
    private static final String SEGMENT_SUFFIX = ".journal";
    private static final String SUMMARY_SUFFIX = ".summary";
    static final String ANCHORS_FILE = "anchors.journal";

    /**
     * What a segment holds, known without reading it.
     *
     * @param minIdMillis earliest time in the version 7 screening ids it holds, {@code Long.MAX_VALUE} if none
     * @param size bytes of complete units, header included
     */
    record Segment(Path path, long firstSeq, long lastSeq, long records, long minIdMillis, long maxIdMillis,
            long maxRecordedMicros, String lastHash, long size) {

        static Segment empty(Path path, long firstSeq) {
            return new Segment(path, firstSeq, firstSeq - 1, 0, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE,
                    null, MAGIC.length);
        }

        boolean mayHold(long idMillis) {
            return idMillis >= minIdMillis && idMillis <= maxIdMillis;
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

    /** The start of a chain after a purge: the last deleted record's sequence and hash. */
    record Anchor(String chainId, long seq, String hash, long purgedRecords, Instant cutoff, Instant createdAt) {
    }

    /** What a purge deleted: how many records, and the sequence of the last one (-1 if none). */
    record Purged(long records, long lastSeq) {
    }

    /** One record as stored: its canonical bytes and the SHA-256 stored beside them. */
    record Frame(byte[] canonical, byte[] storedDigest) {
    }

    /** A frame that cannot be read: torn, overwritten or cut. */
    static final class DamagedFrameException extends IOException {
        private static final long serialVersionUID = 1L;

        DamagedFrameException(Path segment, long offset, String what) {
            super(segment.getFileName() + " at byte " + offset + ": " + what);
        }
    }

    /** The records of one append, framed; built by the writer, written in one piece, then reused. */
    static final class Batch {
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
        }

        void add(byte[] canonical, byte[] digest, long seq, String hash, long idMillis, long recordedMicros) {
            int payload = canonical.length + DIGEST_BYTES;
            ensure(FRAME_HEADER_BYTES + payload);
            int at = length;
            putInt(at, payload);
            bytes[at + 8] = 0;
            System.arraycopy(canonical, 0, bytes, at + FRAME_HEADER_BYTES, canonical.length);
            System.arraycopy(digest, 0, bytes, at + FRAME_HEADER_BYTES + canonical.length, DIGEST_BYTES);
            lastFrameFlagsAt = at + 8;
            length += FRAME_HEADER_BYTES + payload;
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
            bytes[lastFrameFlagsAt] = UNIT_END;
            int at = 0;
            while (at < length) {
                int payload = getInt(at);
                crc.reset();
                crc.update(bytes, at + 8, 1 + payload);
                putInt(at + 4, (int) crc.getValue());
                at += FRAME_HEADER_BYTES + payload;
            }
            return ByteBuffer.wrap(bytes, 0, length);
        }

        int records() {
            return records;
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

    /** Every segment, oldest first, the last one possibly still being written. Replaced, never changed. */
    private record State(List<Segment> closed, Segment active) {
        List<Segment> all() {
            if (active == null) {
                return closed;
            }
            List<Segment> all = new ArrayList<>(closed.size() + 1);
            all.addAll(closed);
            all.add(active);
            return all;
        }
    }

    private final Path dir;
    private final boolean sync;
    private final long segmentBytes;
    /** Held by the writer while it appends, and by the purge while it closes the active segment. */
    private final ReentrantLock appendLock = new ReentrantLock();
    /** Readers share it; deleting a segment file takes it exclusively. */
    private final ReadWriteLock filesLock = new ReentrantReadWriteLock();
    private volatile State state;
    private volatile List<Anchor> anchors;
    /** The active segment's channel; only used under {@link #appendLock}. */
    private FileChannel activeChannel;
    private LocalDate activeDay;

    private Journal(Path dir, boolean sync, long segmentBytes) {
        this.dir = dir;
        this.sync = sync;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Opens the journal in {@code dir} (created if missing): reads the anchors and the segment summaries, and scans
     * the last segment, moving aside any frames after its last complete unit.
     */
    static Journal open(Path dir, boolean sync, long segmentBytes) throws IOException {
        Files.createDirectories(dir);
        Journal journal = new Journal(dir, sync, segmentBytes);
        journal.anchors = journal.readAnchors();
        journal.state = journal.recover();
        return journal;
    }

    Path dir() {
        return dir;
    }

    /** The newest segment that holds a record, or null when none does (then the chain ends at an anchor, if any). */
    Segment lastNonEmpty() {
        List<Segment> all = state.all();
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

    /** Writes the batch as one unit after everything appended before it; durable on return when {@code sync}. */
    void append(Batch batch) throws IOException {
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
            Segment grown = new Segment(active.path(), active.records() == 0 ? firstSeqOf(batch) : active.firstSeq(),
                    batch.lastSeq, active.records() + batch.records, Math.min(active.minIdMillis(), batch.minIdMillis),
                    Math.max(active.maxIdMillis(), batch.maxIdMillis),
                    Math.max(active.maxRecordedMicros(), batch.maxRecordedMicros), batch.lastHash, position);
            state = new State(state.closed(), grown);
        } finally {
            appendLock.unlock();
        }
    }

    private static long firstSeqOf(Batch batch) {
        return batch.lastSeq - batch.records + 1;
    }

    /**
     * The segment this batch goes to, closing the active one first when it is full or its records are from another
     * UTC day than the batch's: a segment never spans two days, so retention, which deletes whole segments, keeps
     * no record more than a day past its cutoff.
     */
    private Segment activeFor(Batch batch, int bytes) throws IOException {
        State current = state;
        Segment active = current.active();
        LocalDate day = dayOf(batch.maxRecordedMicros);
        if (active != null && active.records() > 0
                && (active.size() + bytes > segmentBytes || !day.equals(activeDay))) {
            closeActive();
            active = null;
        }
        if (active == null) {
            active = startSegment(firstSeqOf(batch));
            activeDay = day;
        }
        return active;
    }

    private static LocalDate dayOf(long epochMicros) {
        return LocalDate.ofInstant(Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private Segment startSegment(long firstSeq) throws IOException {
        Path path = dir.resolve(String.format("%s%020d%s", SEGMENT_PREFIX, firstSeq, SEGMENT_SUFFIX));
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            ByteBuffer header = ByteBuffer.wrap(MAGIC);
            while (header.hasRemaining()) {
                channel.write(header, header.position());
            }
            if (sync) {
                channel.force(true);
                forceDirectory();
            }
        } catch (IOException e) {
            channel.close();
            Files.deleteIfExists(path);
            throw e;
        }
        activeChannel = channel;
        Segment segment = Segment.empty(path, firstSeq);
        state = new State(state.closed(), segment);
        return segment;
    }

    /** Closes the active segment and writes its summary; the next append starts a new one. */
    private void closeActive() throws IOException {
        State current = state;
        Segment active = current.active();
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
            state = new State(current.closed(), null);
            return;
        }
        writeSummary(active);
        List<Segment> closed = new ArrayList<>(current.closed());
        closed.add(active);
        state = new State(List.copyOf(closed), null);
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
            if (state.active() != null && activeChannel == null) {
                anchors = readAnchors();
                state = recover();
            }
        } finally {
            appendLock.unlock();
        }
    }

    /** Every segment, oldest first, as of now; hold the read lock of {@link #filesLock} while reading their files. */
    List<Segment> segments() {
        return state.all();
    }

    ReadWriteLock filesLock() {
        return filesLock;
    }

    /**
     * Deletes the oldest segments whose every record was recorded before {@code cutoff}, writing an anchor for the
     * last record of each first. Whole segments only: a record may outlive the cutoff by up to one segment (at
     * most a day, since segments close at the end of their day).
     */
    Purged purge(String chainId, Instant cutoff) throws IOException {
        long cutoffMicros = ChainHash.epochMicros(cutoff);
        appendLock.lock();
        try {
            Segment active = state.active();
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
            List<Segment> closed = new ArrayList<>(state.closed());
            while (!closed.isEmpty() && closed.get(0).maxRecordedMicros() < cutoffMicros) {
                Segment oldest = closed.get(0);
                if (oldest.records() > 0) {
                    appendAnchor(new Anchor(chainId, oldest.lastSeq(), oldest.lastHash(), oldest.records(), cutoff,
                            ChainHash.storable(Instant.now())));
                    deleted += oldest.records();
                    lastSeq = oldest.lastSeq();
                }
                closed.remove(0);
                replaceClosed(List.copyOf(closed));
                Files.deleteIfExists(summaryOf(oldest.path()));
                Files.deleteIfExists(oldest.path());
            }
        } finally {
            filesLock.writeLock().unlock();
        }
        return new Purged(deleted, lastSeq);
    }

    private void replaceClosed(List<Segment> closed) {
        appendLock.lock();
        try {
            state = new State(closed, state.active());
        } finally {
            appendLock.unlock();
        }
    }

    /** Reads a segment's frames in order up to its size; the caller holds the read lock. */
    static FrameReader read(Segment segment) throws IOException {
        return new FrameReader(segment.path(), segment.size());
    }

    /** Sequential reader of one segment's frames. */
    static final class FrameReader implements AutoCloseable {
        private final Path path;
        private final long limit;
        private final FileChannel channel;
        private final DataInputStream in;
        private final CRC32C crc = new CRC32C();
        private long offset;

        FrameReader(Path path, long limit) throws IOException {
            this.path = path;
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
            // A file cut shorter than the journal knows ends where it ends; verification names what is missing.
            this.limit = Math.min(limit, channel.size());
            InputStream stream = Channels.newInputStream(channel);
            this.in = new DataInputStream(new BufferedInputStream(stream, 64 * 1024));
            byte[] magic = new byte[MAGIC.length];
            try {
                in.readFully(magic);
            } catch (EOFException e) {
                throw new DamagedFrameException(path, 0, "no segment header");
            }
            if (!Arrays.equals(magic, MAGIC)) {
                throw new DamagedFrameException(path, 0, "not an audit journal segment");
            }
            offset = MAGIC.length;
        }

        /** The next frame, or null at the limit. */
        Frame next() throws IOException {
            return next(null);
        }

        /** Like {@link #next()}; {@code unitEnd[0]} tells whether the frame ends its unit. */
        Frame next(boolean[] unitEnd) throws IOException {
            if (offset >= limit) {
                return null;
            }
            long start = offset;
            if (limit - offset < FRAME_HEADER_BYTES) {
                throw new DamagedFrameException(path, start, "frame header cut short");
            }
            int length = in.readInt();
            int storedCrc = in.readInt();
            byte flags = in.readByte();
            if (length < DIGEST_BYTES || length > MAX_PAYLOAD_BYTES
                    || start + FRAME_HEADER_BYTES + length > limit) {
                throw new DamagedFrameException(path, start, "frame length " + length + " does not fit");
            }
            byte[] canonical = new byte[length - DIGEST_BYTES];
            byte[] digest = new byte[DIGEST_BYTES];
            in.readFully(canonical);
            in.readFully(digest);
            crc.reset();
            crc.update(flags);
            crc.update(canonical);
            crc.update(digest);
            if ((int) crc.getValue() != storedCrc) {
                throw new DamagedFrameException(path, start, "checksum does not match");
            }
            offset = start + FRAME_HEADER_BYTES + length;
            if (unitEnd != null) {
                unitEnd[0] = (flags & UNIT_END) != 0;
            }
            return new Frame(canonical, digest);
        }

        long offset() {
            return offset;
        }

        @Override
        public void close() throws IOException {
            in.close();
            channel.close();
        }
    }

    // --- opening -------------------------------------------------------------------------------------------------

    private State recover() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(SEGMENT_PREFIX) && name.endsWith(SEGMENT_SUFFIX);
            }).sorted().toList();
        }
        List<Segment> closed = new ArrayList<>();
        for (int i = 0; i < files.size() - 1; i++) {
            closed.add(closedSegment(files.get(i)));
        }
        if (files.isEmpty()) {
            return new State(List.of(), null);
        }
        Segment last = scanAndRepair(files.get(files.size() - 1));
        if (last.records() == 0) {
            Files.delete(last.path());
            return new State(List.copyOf(closed), null);
        }
        if (last.size() >= segmentBytes) {
            writeSummary(last);
            closed.add(last);
            return new State(List.copyOf(closed), null);
        }
        activeChannel = FileChannel.open(last.path(), StandardOpenOption.READ, StandardOpenOption.WRITE);
        activeDay = dayOf(last.maxRecordedMicros());
        return new State(List.copyOf(closed), last);
    }

    private Segment closedSegment(Path path) throws IOException {
        Path summary = summaryOf(path);
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
        writeSummary(segment);
        return segment;
    }

    private record Scan(Segment segment, long unitEndOffset, DamagedFrameException damage) {
    }

    /** Reads every frame; stops at the first damaged one. The segment returned covers complete units only. */
    private static Scan scan(Path path, long size) throws IOException {
        long firstSeq = firstSeqOfName(path);
        Segment complete = Segment.empty(path, firstSeq);
        Segment running = complete;
        boolean[] unitEnd = new boolean[1];
        try (FrameReader reader = new FrameReader(path, size)) {
            Frame frame;
            while ((frame = reader.next(unitEnd)) != null) {
                long seq = Long.parseLong(ChainHash.field(frame.canonical(), 2));
                String id = ChainHash.field(frame.canonical(), ChainHash.SCREENING_ID_FIELD);
                long recorded = Long.parseLong(ChainHash.field(frame.canonical(), ChainHash.RECORDED_AT_FIELD));
                long idMillis = idMillis(java.util.UUID.fromString(id));
                running = new Segment(path, running.records() == 0 ? seq : running.firstSeq(), seq,
                        running.records() + 1,
                        idMillis == Long.MIN_VALUE ? running.minIdMillis() : Math.min(running.minIdMillis(), idMillis),
                        idMillis == Long.MIN_VALUE ? running.maxIdMillis() : Math.max(running.maxIdMillis(), idMillis),
                        Math.max(running.maxRecordedMicros(), recorded), java.util.HexFormat.of().formatHex(frame.storedDigest()),
                        reader.offset());
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
     * The last segment after a crash may end in a batch that was never answered (written in part, or without its
     * unit end). Those bytes are copied to a side file for inspection, then cut off, so the chain continues
     * from the last record a caller may have been told about.
     */
    private Segment scanAndRepair(Path path) throws IOException {
        long size = Files.size(path);
        if (size < MAGIC.length) {
            return Segment.empty(path, firstSeqOfName(path));
        }
        Scan scan = scan(path, size);
        if (scan.unitEndOffset() < size) {
            Path aside = path.resolveSibling(path.getFileName() + ".tail-" + System.currentTimeMillis());
            try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE)) {
                long copied = 0;
                while (copied < size - scan.unitEndOffset()) {
                    copied += in.transferTo(scan.unitEndOffset() + copied, size - scan.unitEndOffset() - copied, out);
                }
                out.force(true);
                in.truncate(scan.unitEndOffset());
                in.force(true);
            }
            LOG.warnf("Audit journal %s ended in %d bytes of a batch that was never confirmed (%s); they were moved "
                    + "to %s and the journal continues after record %d", path.getFileName(),
                    size - scan.unitEndOffset(), scan.damage() != null ? scan.damage().getMessage() : "no unit end",
                    aside.getFileName(), scan.segment().lastSeq());
        }
        return scan.segment();
    }

    private void writeSummary(Segment segment) throws IOException {
        Path summary = summaryOf(segment.path());
        Path temporary = summary.resolveSibling(summary.getFileName() + ".tmp");
        Files.writeString(temporary, segment.summaryLine() + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(temporary, summary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, summary, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path summaryOf(Path segment) {
        String name = segment.getFileName().toString();
        return segment.resolveSibling(name.substring(0, name.length() - SEGMENT_SUFFIX.length()) + SUMMARY_SUFFIX);
    }

    private static long firstSeqOfName(Path path) {
        String name = path.getFileName().toString();
        return Long.parseLong(name.substring(SEGMENT_PREFIX.length(), name.length() - SEGMENT_SUFFIX.length()));
    }

    /** The millisecond time at the start of a version 7 UUID; {@code Long.MIN_VALUE} for any other version. */
    static long idMillis(java.util.UUID id) {
        return id.version() == 7 ? id.getMostSignificantBits() >>> 16 : Long.MIN_VALUE;
    }

    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the segment's own sync still holds its bytes.
            LOG.debugf("Directory sync not supported for %s: %s", dir, e.getMessage());
        }
    }

    // --- anchors -------------------------------------------------------------------------------------------------

    private List<Anchor> readAnchors() throws IOException {
        Path file = dir.resolve(ANCHORS_FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Anchor> read = new ArrayList<>();
        try (FrameReader reader = new FrameReader(file, Files.size(file))) {
            Frame frame;
            while ((frame = reader.next()) != null) {
                String[] f = new String(frame.canonical(), StandardCharsets.UTF_8).split("\t");
                read.add(new Anchor(f[0], Long.parseLong(f[1]), f[2], Long.parseLong(f[3]), Instant.parse(f[4]),
                        Instant.parse(f[5])));
            }
        } catch (DamagedFrameException damaged) {
            // An anchor is written and synced before its segment is deleted: a damaged last anchor belongs to a purge
            // that never deleted anything, and the anchors before it still hold.
            LOG.warnf("Audit journal anchors end in a damaged entry (%s); using the %d before it",
                    damaged.getMessage(), read.size());
        }
        return List.copyOf(read);
    }

    private void appendAnchor(Anchor anchor) throws IOException {
        Path file = dir.resolve(ANCHORS_FILE);
        byte[] line = String.join("\t", anchor.chainId(), Long.toString(anchor.seq()), anchor.hash(),
                Long.toString(anchor.purgedRecords()), anchor.cutoff().toString(), anchor.createdAt().toString())
                .getBytes(StandardCharsets.UTF_8);
        Batch frame = new Batch();
        // An anchor frame reuses the record frame: its "canonical bytes" are the line, its digest is unused.
        frame.add(line, new byte[DIGEST_BYTES], 0, anchor.hash(), Long.MIN_VALUE, 0);
        ByteBuffer buffer = frame.seal();
        boolean fresh = !Files.exists(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            if (fresh) {
                channel.write(ByteBuffer.wrap(MAGIC));
            }
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (fresh) {
            forceDirectory();
        }
        List<Anchor> updated = new ArrayList<>(anchors);
        updated.add(anchor);
        anchors = List.copyOf(updated);
    }

    @Override
    public void close() {
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
