package org.microneedling.audit.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microneedling.audit.AuditEntries;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditRecords;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.AuditSettings.JournalSettings;
import org.microneedling.audit.AuditStore;
import org.microneedling.audit.ChainHash;
import org.microneedling.audit.GroupCommitWriter;
import org.microneedling.audit.Verification;
import org.microneedling.common.ProblemException;

/**
 * The embedded journal on real files: read-back, every field kept, group commit, segments, restart, a torn tail
 * after a crash, tampering, deletion and the retention purge.
 */
class JournalAuditStoreTest {

    /** Small enough that a few dozen records fill several segments. */
    private static final long SMALL_SEGMENT = 4096;

    @TempDir
    Path dataDir;

    private AuditStore store;

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private AuditSettings settings(long segmentBytes) {
        Path dir = dataDir.resolve("journal");
        return AuditSettings.forJournal(dir).withJournal(new JournalSettings(dir, true, segmentBytes,
                JournalSettings.DEFAULT_MIN_FREE_BYTES));
    }

    private AuditStore open(long segmentBytes) {
        if (store != null) {
            store.close();
        }
        store = JournalAuditStore.open(settings(segmentBytes));
        return store;
    }

    private static AuditEntry timeOrdered() {
        return AuditEntries.entry(timeOrderedId());
    }

    private static UUID timeOrderedId() {
        return AuditEntries.timeOrderedId();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("journal"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".journal")
                    && p.getFileName().toString().startsWith("segment-")).sorted().toList();
        }
    }

    @Test
    void appendedResultReadsBackExactlyWhateverTheIdVersion() {
        open(JournalSettings.DEFAULT_SEGMENT_BYTES);
        AuditEntry random = AuditEntries.entry();
        AuditEntry ordered = timeOrdered();

        store.append(List.of(random));
        store.append(List.of(ordered));

        assertThat(store.findResult(random.screeningId())).contains(random.result());
        assertThat(store.findResult(ordered.screeningId())).contains(ordered.result());
        assertThat(store.findResult(UUID.randomUUID())).isEmpty();
        assertThat(store.findResult(timeOrderedId())).isEmpty();
        assertThat(store.engine()).isEqualTo("JOURNAL");
    }

    @Test
    void everyStoredFieldIsKeptAsGiven() throws IOException {
        open(JournalSettings.DEFAULT_SEGMENT_BYTES);
        AuditEntry full = AuditEntries.entry();
        AuditEntry bare = AuditEntries.withoutOptionalFields();
        store.append(List.of(full, bare));

        List<ChainHash.Content> stored = new ArrayList<>();
        try (FrameReader reader = new FrameReader(segments().get(0), Files.size(segments().get(0)))) {
            Frame frame;
            while ((frame = reader.next()) != null) {
                stored.add(ChainHash.parse(frame.canonical()));
            }
        }

        assertThat(stored).hasSize(2);
        ChainHash.Content first = stored.get(0);
        AuditEntry firstEntry = first.entry();
        assertThat(firstEntry.screeningId()).isEqualTo(full.screeningId());
        assertThat(firstEntry.request()).isEqualTo(full.request());
        assertThat(firstEntry.result()).isEqualTo(full.result());
        assertThat(firstEntry.rulesetName()).isEqualTo(full.rulesetName());
        assertThat(firstEntry.rulesetVersion()).isEqualTo(full.rulesetVersion());
        assertThat(firstEntry.rulesetDigest()).isEqualTo(full.rulesetDigest());
        assertThat(firstEntry.asOf()).isEqualTo(full.asOf());
        assertThat(firstEntry.externalReference()).isEqualTo(full.externalReference());
        assertThat(firstEntry.clientId()).isNull();
        assertThat(firstEntry.sourceFormat()).isEqualTo("json");
        assertThat(firstEntry.evaluatedAt()).isEqualTo(Instant.parse("2026-11-25T10:15:30.123456Z"));
        assertThat(first.chainId()).isEqualTo(AuditSettings.DEFAULT_CHAIN);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(ChainHash.GENESIS);
        ChainHash.Content second = stored.get(1);
        assertThat(second.entry().rulesetName()).isNull();
        assertThat(second.entry().asOf()).isNull();
        assertThat(second.entry().externalReference()).isNull();
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(ChainHash.hash(first));
    }

    @Test
    void concurrentCallersShareCommitsAndTheChainStaysIntact() throws Exception {
        open(JournalSettings.DEFAULT_SEGMENT_BYTES);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<UUID>> appends = new ArrayList<>();
        try {
            for (int i = 0; i < 800; i++) {
                appends.add(pool.submit(() -> {
                    start.await();
                    AuditEntry entry = timeOrdered();
                    store.append(List.of(entry));
                    return entry.screeningId();
                }));
            }
            start.countDown();
            for (Future<UUID> append : appends) {
                assertThat(store.findResult(append.get())).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }

        GroupCommitWriter.Stats stats = store.stats();
        assertThat(stats.records()).isEqualTo(800);
        assertThat(stats.commits()).isLessThan(800);
        Verification verification = store.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.records()).isEqualTo(800);
        assertThat(verification.chains()).singleElement().satisfies(chain -> {
            assertThat(chain.lastSequence()).isEqualTo(800);
            assertThat(chain.anchorSequence()).isZero();
        });
    }

    @Test
    void verificationWhileAppendsContinueReportsAnIntactChain() throws Exception {
        open(SMALL_SEGMENT * 4);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        try {
            for (int t = 0; t < 8; t++) {
                pool.submit(() -> {
                    while (running.get()) {
                        store.append(List.of(timeOrdered()));
                    }
                    return null;
                });
            }
            for (int i = 0; i < 30; i++) {
                Verification verification = store.verify();
                assertThat(verification.intact()).as("%s", verification.firstBroken()).isTrue();
            }
        } finally {
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void oneAppendIsAllOrNothing() {
        open(JournalSettings.DEFAULT_SEGMENT_BYTES);
        AuditEntry first = AuditEntries.entry();

        assertThatThrownBy(() -> store.append(List.of(first, AuditEntries.entry(), AuditEntries.entry(
                first.screeningId())))).isInstanceOf(IllegalStateException.class);

        assertThat(store.findResult(first.screeningId())).isEmpty();
        assertThat(store.verify().records()).isZero();
        store.append(List.of(first));
        assertThat(store.verify().records()).isEqualTo(1);
    }

    @Test
    void segmentsRollAndARestartContinuesTheChainFromTheirSummaries() throws IOException {
        open(SMALL_SEGMENT);
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AuditEntry entry = i % 2 == 0 ? timeOrdered() : AuditEntries.entry();
            store.append(List.of(entry));
            entries.add(entry);
        }
        assertThat(segments()).hasSizeGreaterThan(5);

        open(SMALL_SEGMENT);
        AuditEntry afterRestart = timeOrdered();
        store.append(List.of(afterRestart));
        entries.add(afterRestart);

        for (AuditEntry entry : entries) {
            assertThat(store.findResult(entry.screeningId())).as("%s", entry.screeningId()).contains(entry.result());
        }
        Verification verification = store.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.records()).isEqualTo(41);
        try (Stream<Path> files = Files.list(dataDir.resolve("journal"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".summary")).count())
                    .isEqualTo(segments().size() - 1);
        }
    }

    @Test
    void aTornBatchAtTheEndIsMovedAsideAndTheChainContinuesAfterTheLastConfirmedRecord() throws IOException {
        open(JournalSettings.DEFAULT_SEGMENT_BYTES);
        AuditEntry confirmed = AuditEntries.entry();
        store.append(List.of(confirmed));
        AuditEntry a = AuditEntries.entry();
        AuditEntry b = AuditEntries.entry();
        store.append(List.of(a, b));
        store.close();
        store = null;
        // A crash during the second write: its last frame is cut short, so neither of its records was confirmed.
        Path segment = segments().get(0);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 7);
        }

        open(JournalSettings.DEFAULT_SEGMENT_BYTES);

        assertThat(store.findResult(confirmed.screeningId())).contains(confirmed.result());
        assertThat(store.findResult(a.screeningId())).as("same batch as the torn frame").isEmpty();
        Verification verification = store.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.records()).isEqualTo(1);
        try (Stream<Path> files = Files.list(dataDir.resolve("journal"))) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".tail-"))).hasSize(1);
        }
        AuditEntry next = AuditEntries.entry();
        store.append(List.of(next));
        assertThat(store.verify().intact()).isTrue();
        assertThat(store.verify().chains().get(0).lastSequence()).isEqualTo(2);
    }

    @Test
    void aDamagedRecordWithConfirmedBatchesAfterItKeepsTheJournalClosedAndCutsNothing() throws IOException {
        open(JournalSettings.DEFAULT_SEGMENT_BYTES);
        appendSeparately(3);
        store.close();
        store = null;
        Path segment = segments().get(0);
        flipPayloadByte(segment, 0);
        byte[] before = Files.readAllBytes(segment);

        open(JournalSettings.DEFAULT_SEGMENT_BYTES);

        assertThat(store.ready()).as("two answered batches follow the damage: not a torn write").isFalse();
        assertThatThrownBy(() -> store.append(List.of(AuditEntries.entry())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(503));
        assertThat(Files.readAllBytes(segment)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dataDir.resolve("journal"))) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".tail-"))).isEmpty();
        }
    }

    @Test
    void aDamagedLastRecordOfAnAnsweredBatchWithAnotherBatchAfterItKeepsTheJournalClosed() throws IOException {
        open(JournalSettings.DEFAULT_SEGMENT_BYTES);
        appendSeparately(2);
        store.close();
        store = null;
        flipPayloadByte(segments().get(0), 0);

        open(JournalSettings.DEFAULT_SEGMENT_BYTES);

        assertThat(store.ready()).isFalse();
    }

    @Test
    void aDamagedFrameInsideTheLastBatchIsStillATornWrite() throws IOException {
        open(JournalSettings.DEFAULT_SEGMENT_BYTES);
        AuditEntry confirmed = AuditEntries.entry();
        store.append(List.of(confirmed));
        store.append(List.of(AuditEntries.entry(), AuditEntries.entry(), AuditEntries.entry()));
        store.close();
        store = null;
        // The disk kept the batch's later pages but not its first frame: that batch was never answered.
        flipPayloadByte(segments().get(0), 1);

        open(JournalSettings.DEFAULT_SEGMENT_BYTES);

        assertThat(store.ready()).isTrue();
        assertThat(store.verify().intact()).isTrue();
        assertThat(store.verify().records()).isEqualTo(1);
        assertThat(store.findResult(confirmed.screeningId())).contains(confirmed.result());
    }

    /** Overwrites one byte inside the payload of frame {@code index}, leaving its stored checksum as it was. */
    private static void flipPayloadByte(Path segment, int index) throws IOException {
        long start = index == 0 ? Frame.MAGIC.length : frameEnds(segment).get(index - 1);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, start + Frame.HEADER_BYTES + 20);
            channel.write(ByteBuffer.wrap(new byte[] { (byte) (one.get(0) ^ 0x20) }), start + Frame.HEADER_BYTES + 20);
        }
    }

    @Test
    void garbageAfterTheLastRecordIsMovedAside() throws IOException {
        open(JournalSettings.DEFAULT_SEGMENT_BYTES);
        store.append(List.of(AuditEntries.entry()));
        store.close();
        store = null;
        try (FileChannel channel = FileChannel.open(segments().get(0), StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(new byte[] { 0, 0, 1, 0, 9, 9, 9, 9, 1, 42 }));
        }

        open(JournalSettings.DEFAULT_SEGMENT_BYTES);

        assertThat(store.verify().intact()).isTrue();
        assertThat(store.verify().records()).isEqualTo(1);
    }

    @Test
    void aRecordRewrittenWithAValidChecksumIsReportedAsModified() throws IOException {
        open(JournalSettings.DEFAULT_SEGMENT_BYTES);
        appendSeparately(3);
        rewriteFrame(segments().get(0), 1, canonical -> new String(canonical, StandardCharsets.ISO_8859_1)
                .replace("REFER_TO_PROVIDER", "ELIGIBLE_ZZZZZZZZ").getBytes(StandardCharsets.ISO_8859_1));

        Verification verification = store.verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken().sequence()).isEqualTo(2);
        assertThat(verification.firstBroken().reason()).contains("modified");
    }

    @Test
    void aFlippedByteIsReportedAsUnreadable() throws IOException {
        open(JournalSettings.DEFAULT_SEGMENT_BYTES);
        appendSeparately(3);
        Path segment = segments().get(0);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] { 'X' }), Frame.MAGIC.length + 60);
        }

        Verification verification = store.verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken().sequence()).isEqualTo(1);
        assertThat(verification.firstBroken().reason()).contains("checksum");
    }

    @Test
    void aDeletedSegmentIsReportedAsMissingRecords() throws IOException {
        open(SMALL_SEGMENT);
        appendSeparately(30);
        List<Path> segments = segments();
        assertThat(segments).hasSizeGreaterThan(3);

        open(SMALL_SEGMENT);
        Path middle = segments.get(1);
        Files.delete(middle);
        Files.delete(middle.resolveSibling(middle.getFileName().toString().replace(".journal", ".summary")));
        open(SMALL_SEGMENT);

        Verification verification = store.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken().reason()).contains("missing");
    }

    @Test
    void recordsCutFromTheEndWhileRunningAreReportedMissing() throws IOException {
        open(JournalSettings.DEFAULT_SEGMENT_BYTES);
        appendSeparately(3);
        Path segment = segments().get(0);
        long secondEnds = frameEnds(segment).get(1);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(secondEnds);
        }

        Verification verification = store.verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken().reason()).contains("missing");
    }

    @Test
    void purgeDeletesWholeExpiredSegmentsAndTheChainContinuesFromTheAnchor() throws IOException {
        open(SMALL_SEGMENT);
        List<AuditEntry> old = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            AuditEntry entry = AuditEntries.entry();
            store.append(List.of(entry));
            old.add(entry);
        }

        List<AuditRecords.Purged> purged = store.purge(Instant.now().plusSeconds(1));

        assertThat(purged).singleElement().satisfies(p -> {
            assertThat(p.records()).isEqualTo(20);
            assertThat(p.anchorSeq()).isEqualTo(20);
        });
        assertThat(segments()).isEmpty();
        assertThat(store.findResult(old.get(0).screeningId())).isEmpty();
        Verification afterPurge = store.verify();
        assertThat(afterPurge.intact()).isTrue();
        assertThat(afterPurge.chains().get(0).anchorSequence()).isEqualTo(20);

        AuditEntry next = AuditEntries.entry();
        store.append(List.of(next));
        open(SMALL_SEGMENT);
        AuditEntry afterRestart = AuditEntries.entry();
        store.append(List.of(afterRestart));

        Verification verification = store.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.records()).isEqualTo(2);
        assertThat(verification.chains().get(0).lastSequence()).isEqualTo(22);
        assertThat(store.purge(Instant.now().minusSeconds(3600))).singleElement()
                .extracting(AuditRecords.Purged::records).isEqualTo(0L);
    }

    @Test
    void aJournalThatCannotBeOpenedAnswers503AndRecoversWithoutARestart() throws IOException {
        Path dir = dataDir.resolve("journal");
        Files.writeString(dir, "not a folder");
        store = JournalAuditStore.open(settings(JournalSettings.DEFAULT_SEGMENT_BYTES));

        assertThat(store.ready()).isFalse();
        assertThatThrownBy(() -> store.append(List.of(AuditEntries.entry())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(503));

        Files.delete(dir);
        assertThat(store.ready()).isTrue();
        AuditEntry entry = AuditEntries.entry();
        store.append(List.of(entry));
        assertThat(store.findResult(entry.screeningId())).contains(entry.result());
    }

    @Test
    void aDiskWithLessFreeSpaceThanConfiguredMakesTheStoreNotReady() {
        Path dir = dataDir.resolve("journal");
        store = JournalAuditStore.open(AuditSettings.forJournal(dir)
                .withJournal(new JournalSettings(dir, true, SMALL_SEGMENT, Long.MAX_VALUE)));
        assertThat(store.ready()).isFalse();

        store.close();
        store = JournalAuditStore.open(settings(SMALL_SEGMENT));
        assertThat(store.ready()).isTrue();
    }

    /** Appends {@code count} records, one commit each. */
    private void appendSeparately(int count) {
        for (int i = 0; i < count; i++) {
            store.append(List.of(AuditEntries.entry()));
        }
    }

    /** Byte offsets where each frame of a segment ends. */
    private static List<Long> frameEnds(Path segment) throws IOException {
        List<Long> ends = new ArrayList<>();
        try (FrameReader reader = new FrameReader(segment, Files.size(segment))) {
            while (reader.next() != null) {
                ends.add(reader.offset());
            }
        }
        return ends;
    }

    /** What someone with write access could do: change a record and give its frame a matching checksum. */
    static void rewriteFrame(Path segment, int index, java.util.function.UnaryOperator<byte[]> change)
            throws IOException {
        byte[] file = Files.readAllBytes(segment);
        long start = index == 0 ? Frame.MAGIC.length : frameEnds(segment).get(index - 1);
        ByteBuffer frame = ByteBuffer.wrap(file, (int) start, file.length - (int) start);
        int length = frame.getInt();
        frame.getInt();
        byte flags = frame.get();
        int payloadAt = (int) start + Frame.HEADER_BYTES;
        byte[] canonical = java.util.Arrays.copyOfRange(file, payloadAt, payloadAt + length - Frame.DIGEST_BYTES);
        byte[] changed = change.apply(canonical);
        assertThat(changed).hasSameSizeAs(canonical);
        System.arraycopy(changed, 0, file, payloadAt, changed.length);
        CRC32C crc = new CRC32C();
        crc.update(flags);
        crc.update(file, payloadAt, length);
        ByteBuffer.wrap(file).putInt((int) start + 4, (int) crc.getValue());
        Files.write(segment, file);
    }
}
