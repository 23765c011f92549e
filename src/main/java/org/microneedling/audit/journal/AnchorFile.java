package org.microneedling.audit.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import org.microneedling.audit.OwnerOnly;

/**
 * {@code anchors.journal}: one frame per purged segment, its "canonical bytes" a tab-separated line (chain, last
 * sequence, last hash, records deleted, cutoff, time), written and synced before the segment is deleted.
 */
final class AnchorFile {

    static final String NAME = "anchors.journal";
    private static final Logger LOG = Logger.getLogger(AnchorFile.class);

    private AnchorFile() {
    }

    static List<Anchor> read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
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

    /** Appends the anchor and syncs it to the disk. */
    static void append(Path dir, Anchor anchor) throws IOException {
        Path file = dir.resolve(NAME);
        byte[] line = String.join("\t", anchor.chainId(), Long.toString(anchor.seq()), anchor.hash(),
                Long.toString(anchor.purgedRecords()), anchor.cutoff().toString(), anchor.createdAt().toString())
                .getBytes(StandardCharsets.UTF_8);
        FrameBatch frame = new FrameBatch();
        // An anchor frame reuses the record frame: its "canonical bytes" are the line, its digest is unused.
        frame.add(line, new byte[Frame.DIGEST_BYTES], 0, anchor.hash(), null, null, 0);
        ByteBuffer buffer = frame.seal();
        boolean fresh = !Files.exists(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            if (fresh) {
                OwnerOnly.file(file);
                channel.write(ByteBuffer.wrap(Frame.MAGIC));
            }
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (fresh) {
            SegmentFiles.forceDirectory(dir);
        }
    }
}
