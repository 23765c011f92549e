package org.microneedling.audit.journal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/** Sequential reader of one file's frames, each checked against its CRC. */
final class FrameReader implements AutoCloseable {

    private final Path path;
    private final long limit;
    private final FileChannel channel;
    private final DataInputStream in;
    private final CRC32C crc = new CRC32C();
    private long offset;
    private byte skippedFlags;

    /** Reads up to {@code limit} bytes of the file; a file cut shorter ends where it ends. */
    FrameReader(Path path, long limit) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        // A file cut shorter than the journal knows ends where it ends; verification names what is missing.
        this.limit = Math.min(limit, channel.size());
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024));
        byte[] magic = new byte[Frame.MAGIC.length];
        try {
            in.readFully(magic);
        } catch (EOFException e) {
            throw new DamagedFrameException(path, 0, "no segment header");
        }
        if (!Arrays.equals(magic, Frame.MAGIC)) {
            throw new DamagedFrameException(path, 0, "not an audit journal segment");
        }
        offset = Frame.MAGIC.length;
    }

    /**
     * Reads from {@code start}, a frame boundary known from an earlier pass, skipping the frame there if its header
     * can be read: what follows a damaged frame. {@link #skippedUnitEnd()} tells what the skipped frame's flags say.
     */
    static FrameReader after(Path path, long start, long limit) throws IOException {
        FrameReader reader = new FrameReader(path, limit);
        reader.in.skipNBytes(start - Frame.MAGIC.length);
        reader.offset = start;
        if (limit - start < Frame.HEADER_BYTES) {
            throw new DamagedFrameException(path, start, "frame header cut short");
        }
        int length = reader.in.readInt();
        if (length < Frame.DIGEST_BYTES || length > Frame.MAX_PAYLOAD_BYTES
                || start + Frame.HEADER_BYTES + length > reader.limit) {
            throw new DamagedFrameException(path, start, "frame length " + length + " does not fit");
        }
        reader.in.readInt();
        reader.skippedFlags = reader.in.readByte();
        reader.in.skipNBytes(length);
        reader.offset = start + Frame.HEADER_BYTES + length;
        return reader;
    }

    /**
     * The one frame that starts at {@code offset} (an index's word, not trusted: the frame's length must fit before
     * {@code limit} and its CRC must match, like any frame read in order).
     */
    static Frame readAt(Path path, long offset, long limit) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return readAt(channel, path, offset, limit);
        }
    }

    /** Like {@link #readAt(Path, long, long)}, from a channel the caller opened on {@code path}. */
    static Frame readAt(FileChannel channel, Path path, long offset, long limit) throws IOException {
        long end = Math.min(limit, channel.size());
        if (offset < Frame.MAGIC.length || end - offset < Frame.HEADER_BYTES) {
            throw new DamagedFrameException(path, offset, "frame header cut short");
        }
        ByteBuffer header = ByteBuffer.allocate(Frame.HEADER_BYTES);
        readFully(channel, header, offset, path);
        int length = header.getInt(0);
        int storedCrc = header.getInt(4);
        byte flags = header.get(8);
        if (length < Frame.DIGEST_BYTES || length > Frame.MAX_PAYLOAD_BYTES
                || offset + Frame.HEADER_BYTES + length > end) {
            throw new DamagedFrameException(path, offset, "frame length " + length + " does not fit");
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(channel, payload, offset + Frame.HEADER_BYTES, path);
        byte[] bytes = payload.array();
        CRC32C crc = new CRC32C();
        crc.update(flags);
        crc.update(bytes, 0, length);
        if ((int) crc.getValue() != storedCrc) {
            throw new DamagedFrameException(path, offset, "checksum does not match");
        }
        return new Frame(Arrays.copyOf(bytes, length - Frame.DIGEST_BYTES),
                Arrays.copyOfRange(bytes, length - Frame.DIGEST_BYTES, length));
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position, Path path)
            throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new DamagedFrameException(path, position, "frame cut short");
            }
        }
    }

    /** Reads a segment's frames in order up to its known size; the caller holds the journal's files read lock. */
    static FrameReader of(Segment segment) throws IOException {
        return new FrameReader(segment.path(), segment.size());
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
        if (limit - offset < Frame.HEADER_BYTES) {
            throw new DamagedFrameException(path, start, "frame header cut short");
        }
        int length = in.readInt();
        int storedCrc = in.readInt();
        byte flags = in.readByte();
        if (length < Frame.DIGEST_BYTES || length > Frame.MAX_PAYLOAD_BYTES
                || start + Frame.HEADER_BYTES + length > limit) {
            throw new DamagedFrameException(path, start, "frame length " + length + " does not fit");
        }
        byte[] canonical = new byte[length - Frame.DIGEST_BYTES];
        byte[] digest = new byte[Frame.DIGEST_BYTES];
        in.readFully(canonical);
        in.readFully(digest);
        crc.reset();
        crc.update(flags);
        crc.update(canonical);
        crc.update(digest);
        if ((int) crc.getValue() != storedCrc) {
            throw new DamagedFrameException(path, start, "checksum does not match");
        }
        offset = start + Frame.HEADER_BYTES + length;
        if (unitEnd != null) {
            unitEnd[0] = (flags & Frame.UNIT_END) != 0;
        }
        return new Frame(canonical, digest);
    }

    /** Whether the frame skipped by {@link #after} says it ends its unit (its flags may be the damaged part). */
    boolean skippedUnitEnd() {
        return (skippedFlags & Frame.UNIT_END) != 0;
    }

    /** The byte just after the last frame read. */
    long offset() {
        return offset;
    }

    @Override
    public void close() throws IOException {
        in.close();
        channel.close();
    }
}
