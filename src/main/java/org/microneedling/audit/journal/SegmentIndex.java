package org.microneedling.audit.journal;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32C;

import org.microneedling.audit.OwnerOnly;

/**
 * The id index of a closed segment, {@code segment-<first sequence>.index}: its record ids sorted, each with the
 * offset of its frame, and the record kinds the segment holds. A look-up reads one block of it and then one frame.
 *
 * <p>File layout (big-endian): {@link #MAGIC} (8 bytes), format version (4), the segment's first sequence (8), the
 * segment size it covers (8), entry count (4), kind count (4), each kind as its UTF-8 length (2) and bytes, in
 * order; then the entries, 24 bytes each: id high and low 64 bits, and the frame's offset (low 48 bits) with the
 * number of its record's kind in that list (high 16 bits), ordered by id then offset; last the CRC-32C of
 * everything before it (4). An index is checked in full when loaded and must describe its segment's summary
 * exactly; it only points to frames, which are read and checked themselves ({@link FrameReader#readAt}).
 *
 * <p>The offsets of each kind with few frames in the segment (policy versions among thousands of screenings) are
 * kept in memory, so that a scan for such kinds reads those frames only ({@link #framesOf}).
 */
final class SegmentIndex {

    static final byte[] MAGIC = "MNAINDEX".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final long ABSENT = -1;
    private static final int FIXED_HEADER_BYTES = 36;
    private static final int ENTRY_BYTES = 24;
    private static final int CRC_BYTES = 4;
    /** One id in memory per this many entries: a look-up then reads one block of at most 1.5 KB. */
    private static final int BLOCK = 64;
    private static final int MAX_KIND_BYTES = 1024;
    private static final int OFFSET_BITS = 48;
    private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
    /** A kind with at most this many frames in a segment has their offsets kept in memory (8 KB at most). */
    static final int FEW_FRAMES = 1024;

    private final Segment segment;
    private final Path path;
    private final Set<String> kinds;
    /** The frame offsets, in file order, of each kind with at most {@link #FEW_FRAMES} frames here. */
    private final Map<String, long[]> fewFrames;
    private final int count;
    private final long entriesStart;
    private final long[] blockMsb;
    private final long[] blockLsb;
    private final long[] blockOffset;
    private final long fileSize;
    private final Object fileKey;
    private final long modifiedMillis;

    private SegmentIndex(Segment segment, Path path, Set<String> kinds, Map<String, long[]> fewFrames,
            int count, long entriesStart, long[] blockMsb, long[] blockLsb, long[] blockOffset,
            BasicFileAttributes attributes) {
        this.segment = segment;
        this.path = path;
        this.kinds = kinds;
        this.fewFrames = fewFrames;
        this.count = count;
        this.entriesStart = entriesStart;
        this.blockMsb = blockMsb;
        this.blockLsb = blockLsb;
        this.blockOffset = blockOffset;
        this.fileSize = attributes.size();
        this.fileKey = attributes.fileKey();
        this.modifiedMillis = attributes.lastModifiedTime().toMillis();
    }

    /** An index file that cannot be used: cut, changed, or describing another segment. */
    static final class UnusableIndexException extends IOException {
        private static final long serialVersionUID = 1L;

        UnusableIndexException(Path path, String what) {
            super(path.getFileName() + ": " + what);
        }
    }

    /** The segment this index describes, as its summary does. */
    Segment segment() {
        return segment;
    }

    /** The kinds of the segment's records ({@link org.microneedling.audit.AuditEntry#kindOrScreening}). */
    Set<String> kinds() {
        return kinds;
    }

    /**
     * Writes the index of a closed segment in one step (a temporary file, synced when {@code sync}, then renamed),
     * owner-only like every journal file, and loads it back as a reader would.
     */
    static SegmentIndex write(Segment segment, IndexEntries entries, boolean sync) throws IOException {
        if (entries.kinds().size() > 0xffff || segment.size() > OFFSET_MASK) {
            throw new IOException("segment " + segment.path().getFileName() + " too large or too varied to index");
        }
        if (entries.size() != segment.records()) {
            throw new IOException("index of " + segment.path().getFileName() + " has " + entries.size()
                    + " entries for " + segment.records() + " records");
        }
        List<byte[]> kindBytes = new ArrayList<>();
        Map<String, Long> kindNumbers = new HashMap<>();
        int kindsLength = 0;
        for (String kind : entries.kinds()) {
            kindNumbers.put(kind, (long) kindNumbers.size() << OFFSET_BITS);
            byte[] bytes = kind.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_KIND_BYTES) {
                throw new IOException("record kind longer than " + MAX_KIND_BYTES + " bytes");
            }
            kindBytes.add(bytes);
            kindsLength += 2 + bytes.length;
        }
        ByteBuffer out = ByteBuffer.allocate(
                FIXED_HEADER_BYTES + kindsLength + entries.size() * ENTRY_BYTES + CRC_BYTES);
        out.put(MAGIC).putInt(VERSION).putLong(segment.firstSeq()).putLong(segment.size()).putInt(entries.size())
                .putInt(kindBytes.size());
        for (byte[] kind : kindBytes) {
            out.putShort((short) kind.length).put(kind);
        }
        for (int i : entries.sortedOrder()) {
            out.putLong(entries.msb(i)).putLong(entries.lsb(i))
                    .putLong(entries.offset(i) | kindNumbers.get(entries.kind(i)));
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        out.flip();

        Path index = SegmentFiles.indexOf(segment.path());
        Path temporary = index.resolveSibling(index.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        OwnerOnly.file(temporary);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            while (out.hasRemaining()) {
                channel.write(out);
            }
            if (sync) {
                channel.force(true);
            }
        }
        try {
            Files.move(temporary, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, index, StandardCopyOption.REPLACE_EXISTING);
        }
        return read(segment);
    }

    /**
     * Loads and checks the index of {@code segment}: checksum, format, the segment it names, its size and record
     * count, ids in order, offsets inside the segment.
     *
     * @throws java.nio.file.NoSuchFileException when the segment has no index (yet)
     * @throws UnusableIndexException when the index is damaged or describes another state of the segment
     */
    static SegmentIndex read(Segment segment) throws IOException {
        Path path = SegmentFiles.indexOf(segment.path());
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        long largest = FIXED_HEADER_BYTES + (long) MAX_KIND_BYTES * 64 + segment.records() * ENTRY_BYTES + CRC_BYTES;
        if (attributes.size() < FIXED_HEADER_BYTES + CRC_BYTES || attributes.size() > largest) {
            throw new UnusableIndexException(path, "size " + attributes.size() + " does not fit its segment");
        }
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length != attributes.size()) {
            throw new UnusableIndexException(path, "changed while being read");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - CRC_BYTES);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if ((int) crc.getValue() != in.getInt(bytes.length - CRC_BYTES)) {
            throw new UnusableIndexException(path, "checksum does not match");
        }
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        int version = in.getInt();
        if (!Arrays.equals(magic, MAGIC) || version != VERSION) {
            throw new UnusableIndexException(path, "not an index of format " + VERSION);
        }
        long firstSeq = in.getLong();
        long size = in.getLong();
        int count = in.getInt();
        if (firstSeq != segment.firstSeq() || size != segment.size() || count != segment.records()) {
            throw new UnusableIndexException(path, "describes " + count + " records in " + size
                    + " bytes from sequence " + firstSeq + ", the summary " + segment.records() + " in "
                    + segment.size() + " from " + segment.firstSeq());
        }
        int kindCount = in.getInt();
        List<String> kinds = new ArrayList<>();
        try {
            for (int i = 0; i < kindCount; i++) {
                byte[] kind = new byte[in.getShort() & 0xffff];
                in.get(kind);
                kinds.add(new String(kind, StandardCharsets.UTF_8));
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new UnusableIndexException(path, "kinds run past the file");
        }
        if (kindCount < 0 || kindCount > 0xffff || Set.copyOf(kinds).size() != kindCount) {
            throw new UnusableIndexException(path, "kind list is damaged");
        }
        int[] framesOfKind = new int[kindCount];
        long entriesStart = in.position();
        if (entriesStart + (long) count * ENTRY_BYTES + CRC_BYTES != bytes.length) {
            throw new UnusableIndexException(path, "length does not match its " + count + " entries");
        }
        int blocks = (count + BLOCK - 1) / BLOCK;
        long[] blockMsb = new long[blocks];
        long[] blockLsb = new long[blocks];
        long[] blockOffset = new long[blocks];
        long previousMsb = 0;
        long previousLsb = 0;
        long previousOffset = 0;
        long lastFrameStart = segment.size() - Frame.HEADER_BYTES - Frame.DIGEST_BYTES;
        for (int i = 0; i < count; i++) {
            long msb = in.getLong();
            long lsb = in.getLong();
            long field = in.getLong();
            long offset = field & OFFSET_MASK;
            int kind = (int) (field >>> OFFSET_BITS);
            if (offset < Frame.MAGIC.length || offset > lastFrameStart || kind >= kindCount) {
                throw new UnusableIndexException(path, "entry " + i + " points outside its segment");
            }
            framesOfKind[kind]++;
            if (i > 0 && IndexEntries.compare(previousMsb, previousLsb, previousOffset, msb, lsb, offset) >= 0) {
                throw new UnusableIndexException(path, "entry " + i + " out of order");
            }
            if (i % BLOCK == 0) {
                blockMsb[i / BLOCK] = msb;
                blockLsb[i / BLOCK] = lsb;
                blockOffset[i / BLOCK] = offset;
            }
            previousMsb = msb;
            previousLsb = lsb;
            previousOffset = offset;
        }
        for (int kind = 0; kind < kindCount; kind++) {
            if (framesOfKind[kind] == 0) {
                throw new UnusableIndexException(path, "names a kind no entry has");
            }
        }
        return new SegmentIndex(segment, path, Set.copyOf(kinds), fewFrames(bytes, entriesStart, count, kinds,
                framesOfKind), count, entriesStart, blockMsb, blockLsb, blockOffset, attributes);
    }

    private static Map<String, long[]> fewFrames(byte[] bytes, long entriesStart, int count,
            List<String> kinds, int[] framesOfKind) {
        long[][] offsets = new long[kinds.size()][];
        int[] filled = new int[kinds.size()];
        for (int kind = 0; kind < kinds.size(); kind++) {
            if (framesOfKind[kind] <= FEW_FRAMES) {
                offsets[kind] = new long[framesOfKind[kind]];
            }
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        for (int i = 0; i < count; i++) {
            long field = in.getLong((int) entriesStart + i * ENTRY_BYTES + 16);
            int kind = (int) (field >>> OFFSET_BITS);
            if (offsets[kind] != null) {
                offsets[kind][filled[kind]++] = field & OFFSET_MASK;
            }
        }
        Map<String, long[]> few = new HashMap<>();
        for (int kind = 0; kind < kinds.size(); kind++) {
            if (offsets[kind] != null) {
                Arrays.sort(offsets[kind]);
                few.put(kinds.get(kind), offsets[kind]);
            }
        }
        return Map.copyOf(few);
    }

    /**
     * The offsets, in segment order, of the frames of these kinds; empty when the segment holds none; null when
     * reading the whole segment in order is the better way: a kind asked for has too many frames here to be kept,
     * or they are more than an eighth of the segment (one read per frame would then cost more than one pass).
     */
    long[] framesOf(Set<String> wanted) {
        long[] frames = new long[0];
        for (String kind : wanted) {
            if (!kinds.contains(kind)) {
                continue;
            }
            long[] ofKind = fewFrames.get(kind);
            if (ofKind == null) {
                return null;
            }
            long[] merged = Arrays.copyOf(frames, frames.length + ofKind.length);
            System.arraycopy(ofKind, 0, merged, frames.length, ofKind.length);
            frames = merged;
        }
        if (frames.length > Math.max(8, count / 8)) {
            return null;
        }
        Arrays.sort(frames);
        return frames;
    }

    /**
     * The offset of the first frame with this id, or {@link #ABSENT}.
     *
     * @throws UnusableIndexException when the file is no longer the one that was checked; load it again
     */
    long offsetOf(UUID id) throws IOException {
        if (count == 0) {
            return ABSENT;
        }
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException gone) {
            throw new UnusableIndexException(path, "cannot be read: " + gone.getMessage());
        }
        if (now.size() != fileSize || now.lastModifiedTime().toMillis() != modifiedMillis
                || !Objects.equals(now.fileKey(), fileKey)) {
            throw new UnusableIndexException(path, "changed since it was checked");
        }
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        int block = lastBlockBefore(msb, lsb);
        int from = block * BLOCK;
        int to = Math.min(count, from + BLOCK);
        ByteBuffer entries = ByteBuffer.allocate((to - from) * ENTRY_BYTES);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long position = entriesStart + (long) from * ENTRY_BYTES;
            while (entries.hasRemaining()) {
                int read = channel.read(entries, position + entries.position());
                if (read < 0) {
                    throw new UnusableIndexException(path, "cut short since it was checked");
                }
            }
        }
        for (int i = 0; i < to - from; i++) {
            int at = i * ENTRY_BYTES;
            int order = IndexEntries.compareIds(entries.getLong(at), entries.getLong(at + 8), msb, lsb);
            if (order == 0) {
                return entries.getLong(at + 16) & OFFSET_MASK;
            }
            if (order > 0) {
                return ABSENT;
            }
        }
        // The first entry of the next block is in memory: the id may begin there.
        int next = block + 1;
        if (next < blockMsb.length && blockMsb[next] == msb && blockLsb[next] == lsb) {
            return blockOffset[next];
        }
        return ABSENT;
    }

    /** The last block whose first id is below {@code id} (block 0 if none is): the first match starts in it or after. */
    private int lastBlockBefore(long msb, long lsb) {
        int low = 0;
        int high = blockMsb.length - 1;
        int found = 0;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (IndexEntries.compareIds(blockMsb[middle], blockLsb[middle], msb, lsb) < 0) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }
}
