package org.microneedling.audit.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microneedling.audit.AuditEntries;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.AuditSettings.JournalSettings;
import org.microneedling.audit.RecordQuery;
import org.microneedling.common.ProblemException;

/**
 * The id index of the journal's segments on real files: look-ups that read one frame, an index missing, damaged or
 * lying, the kinds a scan can skip, and the purge.
 */
class JournalIdIndexTest {

    /** Small enough that a few dozen records fill several segments. */
    private static final long SMALL_SEGMENT = 4096;
    private static final String POLICY_KIND = "policy.version";

    @TempDir
    Path dataDir;

    private JournalAuditStore store;

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private JournalAuditStore open() {
        closeStore();
        Path dir = dataDir.resolve("journal");
        store = JournalAuditStore.open(AuditSettings.forJournal(dir).withJournal(new JournalSettings(dir, true,
                SMALL_SEGMENT, JournalSettings.DEFAULT_MIN_FREE_BYTES)));
        return store;
    }

    private void stop() {
        store.close();
        store = null;
    }

    /** Screenings one per commit, half with time-ordered ids, half with random ones (which no time range prunes). */
    private List<AuditEntry> appendScreenings(int count) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AuditEntry entry = i % 2 == 0 ? AuditEntries.entry(AuditEntries.timeOrderedId()) : AuditEntries.entry();
            store.append(List.of(entry));
            entries.add(entry);
        }
        return entries;
    }

    private void assertEveryOneFound(List<AuditEntry> entries) {
        for (AuditEntry entry : entries) {
            assertThat(store.findResult(entry.screeningId())).as("%s", entry.screeningId()).contains(entry.result());
            assertThat(store.find(entry.screeningId())).get().extracting(AuditEntry::request)
                    .isEqualTo(entry.request());
        }
    }

    private List<Path> files(String suffix) throws IOException {
        try (Stream<Path> listing = Files.list(dataDir.resolve("journal"))) {
            return listing.filter(p -> p.getFileName().toString().startsWith("segment-")
                    && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private Map<Path, byte[]> indexContents() throws IOException {
        Map<Path, byte[]> contents = new HashMap<>();
        for (Path index : files(".index")) {
            contents.put(index, Files.readAllBytes(index));
        }
        return contents;
    }

    private void awaitRebuilds() throws InterruptedException {
        SegmentIndexes indexes = journal().indexes();
        for (int i = 0; i < 500 && !indexes.idle(); i++) {
            Thread.sleep(10);
        }
        assertThat(indexes.idle()).as("index rebuild finished").isTrue();
    }

    private SegmentedJournal journal() {
        try {
            return store.journalOrReopen();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Where each record's frame starts in {@code segment}, in order. */
    private static List<Long> frameStarts(Path segment) throws IOException {
        List<Long> starts = new ArrayList<>();
        try (FrameReader reader = new FrameReader(segment, Files.size(segment))) {
            long start = reader.offset();
            while (reader.next() != null) {
                starts.add(start);
                start = reader.offset();
            }
        }
        return starts;
    }

    /** Flips a byte inside the payload of the frame at {@code start}: its CRC no longer matches. */
    private static void damageFrameAt(Path segment, long start) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            long at = start + Frame.HEADER_BYTES + 20;
            channel.read(one, at);
            channel.write(ByteBuffer.wrap(new byte[] { (byte) (one.get(0) ^ 0x20) }), at);
        }
    }

    @Test
    void aLookUpReadsOnlyTheFramesTheIndexesPointToInClosedSegmentsAndTheActiveOne() throws IOException {
        open();
        List<AuditEntry> entries = appendScreenings(40);
        List<Path> segments = files(".journal");
        assertThat(segments).hasSizeGreaterThan(5);
        assertThat(files(".index")).hasSize(segments.size() - 1);
        assertEveryOneFound(entries);

        // A damaged first frame stops a scan of its segment; a look-up through an index never reads it.
        Path closed = segments.get(2);
        Path active = segments.get(segments.size() - 1);
        assertThat(frameStarts(active)).as("the active segment holds two records or more").hasSizeGreaterThan(1);
        List<AuditEntry> afterTheDamagedOnes = new ArrayList<>();
        for (AuditEntry entry : entries) {
            if (!isFirstIn(closed, entry) && !isFirstIn(active, entry)) {
                afterTheDamagedOnes.add(entry);
            }
        }
        damageFrameAt(closed, Frame.MAGIC.length);
        damageFrameAt(active, Frame.MAGIC.length);
        assertThat(afterTheDamagedOnes).hasSize(entries.size() - 2);
        assertEveryOneFound(afterTheDamagedOnes);
        assertThat(store.findResult(AuditEntries.timeOrderedId())).isEmpty();
        assertThat(store.findResult(java.util.UUID.randomUUID())).isEmpty();
        assertThat(store.verify().intact()).as("verification reads every frame, not the index").isFalse();
    }

    private boolean isFirstIn(Path segment, AuditEntry entry) throws IOException {
        Frame first = FrameReader.readAt(segment, Frame.MAGIC.length, Long.MAX_VALUE);
        return new String(first.canonical(), java.nio.charset.StandardCharsets.UTF_8)
                .contains(entry.screeningId().toString());
    }

    @Test
    void aMissingIndexIsRebuiltWhenTheJournalOpensAsItWasWritten() throws IOException {
        open();
        List<AuditEntry> entries = appendScreenings(30);
        stop();
        Map<Path, byte[]> written = indexContents();
        assertThat(written).hasSizeGreaterThan(3);
        for (Path index : written.keySet()) {
            Files.delete(index);
        }

        open();

        assertThat(indexContents()).containsOnlyKeys(written.keySet());
        indexContents().forEach((index, bytes) -> assertThat(bytes).as("%s", index).isEqualTo(written.get(index)));
        assertEveryOneFound(entries);
    }

    @Test
    void anOldJournalWithoutIndexesOpensAnswersAndGetsThem() throws IOException {
        open();
        List<AuditEntry> screenings = appendScreenings(20);
        AuditEntry policy = AuditEntries.record(POLICY_KIND, "default", Instant.now());
        store.append(List.of(policy));
        screenings.addAll(appendScreenings(20));
        stop();
        for (Path index : files(".index")) {
            Files.delete(index);
        }
        for (Path temporary : files(".index.tmp")) {
            Files.delete(temporary);
        }
        assertThat(files(".index")).isEmpty();

        open();

        assertEveryOneFound(screenings);
        List<AuditEntry> policies = new ArrayList<>();
        store.scan(RecordQuery.of(Set.of(POLICY_KIND), null), policies::add);
        assertThat(policies).extracting(AuditEntry::screeningId).containsExactly(policy.screeningId());
        assertThat(files(".index")).hasSize(files(".journal").size() - 1);
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void aDamagedIndexIsFoundWhenTheJournalOpensAndRebuilt() throws IOException {
        open();
        List<AuditEntry> entries = appendScreenings(30);
        stop();
        Map<Path, byte[]> written = indexContents();
        List<Path> indexes = files(".index");
        Path flipped = indexes.get(0);
        Path cut = indexes.get(1);
        Path emptied = indexes.get(2);
        byte[] bytes = Files.readAllBytes(flipped);
        bytes[bytes.length - 30] ^= 0x01;
        Files.write(flipped, bytes);
        try (FileChannel channel = FileChannel.open(cut, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 24);
        }
        Files.write(emptied, new byte[0]);
        assertThat(SegmentIndexes.describe(readFails(flipped))).contains("checksum");

        open();

        indexContents().forEach((index, content) -> assertThat(content).as("%s", index)
                .isEqualTo(written.get(index)));
        assertEveryOneFound(entries);
    }

    private IOException readFails(Path index) {
        String name = index.getFileName().toString().replace(".index", ".journal");
        Segment segment = journalSegments(name);
        try {
            SegmentIndex.read(segment);
            throw new AssertionError("a damaged index was read as valid");
        } catch (IOException expected) {
            return expected;
        }
    }

    /** The segment as its summary describes it, read without opening the journal. */
    private Segment journalSegments(String segmentName) {
        Path segment = dataDir.resolve("journal").resolve(segmentName);
        try {
            return Segment.fromSummary(segment, Files.readString(SegmentFiles.summaryOf(segment)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anIndexCutWhileRunningIsNoticedAndTheLookUpScansMeanwhile() throws Exception {
        open();
        List<AuditEntry> entries = appendScreenings(30);
        Map<Path, byte[]> written = indexContents();
        Path index = files(".index").get(1);
        try (FileChannel channel = FileChannel.open(index, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }

        assertEveryOneFound(entries);
        awaitRebuilds();

        assertThat(Files.readAllBytes(index)).isEqualTo(written.get(index));
        assertEveryOneFound(entries);
    }

    @Test
    void anIndexThatPointsToTheWrongFrameWithAValidChecksumStillFindsTheRightRecord() throws Exception {
        open();
        List<AuditEntry> entries = appendScreenings(30);
        stop();
        Map<Path, byte[]> written = indexContents();
        Path liar = files(".index").get(1);
        swapFirstTwoOffsets(liar);
        Segment segment = journalSegments(liar.getFileName().toString().replace(".index", ".journal"));
        assertThat(SegmentIndex.read(segment).kinds()).as("the lie passes every check of the file")
                .containsExactly(AuditEntry.SCREENING);

        open();
        assertEveryOneFound(entries);
        awaitRebuilds();

        assertThat(Files.readAllBytes(liar)).as("rebuilt from its segment").isEqualTo(written.get(liar));
        assertEveryOneFound(entries);
    }

    /** Gives the first two entries each other's offsets (kinds kept) and the file a matching checksum. */
    private static void swapFirstTwoOffsets(Path index) throws IOException {
        rewriteEntries(index, (a, b) -> (a & KIND_BITS) | (b & ~KIND_BITS), (a, b) -> (b & KIND_BITS) | (a & ~KIND_BITS),
                0, 1);
    }

    private static final long KIND_BITS = 0xffffL << 48;

    /**
     * Replaces the offset fields of entries {@code i} and {@code j} (offset and kind number) by what the functions
     * make of the two, and gives the file a matching checksum, as someone with write access could.
     */
    private static void rewriteEntries(Path index, java.util.function.LongBinaryOperator newI,
            java.util.function.LongBinaryOperator newJ, int i, int j) throws IOException {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(index));
        int entries = entriesStart(file);
        int atI = entries + i * 24 + 16;
        int atJ = entries + j * 24 + 16;
        long fieldI = file.getLong(atI);
        long fieldJ = file.getLong(atJ);
        assertThat(fieldI).isNotEqualTo(fieldJ);
        file.putLong(atI, newI.applyAsLong(fieldI, fieldJ)).putLong(atJ, newJ.applyAsLong(fieldI, fieldJ));
        CRC32C crc = new CRC32C();
        crc.update(file.array(), 0, file.capacity() - 4);
        file.putInt(file.capacity() - 4, (int) crc.getValue());
        Files.write(index, file.array());
    }

    private static int entriesStart(ByteBuffer file) {
        file.position(32);
        int kinds = file.getInt();
        for (int k = 0; k < kinds; k++) {
            file.position(file.position() + 2 + file.getShort());
        }
        return file.position();
    }

    /** The entries of an index file: their kind numbers (as in the file) by entry position. */
    private static List<Integer> kindNumbers(Path index) throws IOException {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(index));
        int entries = entriesStart(file);
        List<Integer> numbers = new ArrayList<>();
        for (int at = entries; at < file.capacity() - 4; at += 24) {
            numbers.add((int) (file.getLong(at + 16) >>> 48));
        }
        return numbers;
    }

    /** 15 screenings, a policy record, 15 screenings, another, 15 screenings: several segments of each sort. */
    private List<AuditEntry> appendTwoPoliciesAmongScreenings() {
        List<AuditEntry> policies = new ArrayList<>();
        appendScreenings(15);
        policies.add(AuditEntries.record(POLICY_KIND, "default", Instant.now()));
        store.append(List.of(policies.get(0)));
        appendScreenings(15);
        policies.add(AuditEntries.record(POLICY_KIND, "clinic-b", Instant.now()));
        store.append(List.of(policies.get(1)));
        appendScreenings(15);
        return policies;
    }

    private List<UUID> policyScan() {
        List<UUID> found = new ArrayList<>();
        store.scan(RecordQuery.of(Set.of(POLICY_KIND), null), entry -> found.add(entry.screeningId()));
        return found;
    }

    @Test
    void aKindsScanReadsOnlyTheFramesOfThoseKinds() throws IOException {
        open();
        List<AuditEntry> policies = appendTwoPoliciesAmongScreenings();
        stop();
        List<Path> segments = files(".journal");
        int screeningsOnly = 0;
        int withPolicies = 0;
        // Every other frame of the closed segments becomes unreadable: a scan that read one would fail.
        for (Path path : segments.subList(0, segments.size() - 1)) {
            SegmentIndex index = SegmentIndex.read(journalSegments(path.getFileName().toString()));
            Set<Long> policyFrames = new java.util.HashSet<>();
            for (long offset : index.framesOf(Set.of(POLICY_KIND))) {
                policyFrames.add(offset);
            }
            if (policyFrames.isEmpty()) {
                screeningsOnly++;
            } else {
                withPolicies++;
            }
            for (long start : frameStarts(path)) {
                if (!policyFrames.contains(start)) {
                    damageFrameAt(path, start);
                }
            }
        }
        assertThat(screeningsOnly).isGreaterThan(3);
        assertThat(withPolicies).as("both policy records are in closed segments").isEqualTo(2);

        open();
        List<UUID> found = new ArrayList<>();
        long position = store.scan(RecordQuery.of(Set.of(POLICY_KIND), null), entry -> found.add(entry.screeningId()));

        assertThat(found).containsExactly(policies.get(0).screeningId(), policies.get(1).screeningId());
        assertThat(position).as("every record examined, as a full read would report").isEqualTo(47);
        assertThat(store.scan(RecordQuery.of(Set.of(POLICY_KIND), null).after(position), entry -> {
        })).isEqualTo(47);
        List<UUID> ofClinicB = new ArrayList<>();
        store.scan(RecordQuery.of(Set.of(POLICY_KIND, "policy.activation"), "clinic-b"),
                entry -> ofClinicB.add(entry.screeningId()));
        assertThat(ofClinicB).containsExactly(policies.get(1).screeningId());
        assertThatThrownBy(() -> store.scan(RecordQuery.of(Set.of(AuditEntry.SCREENING), null), entry -> {
        })).as("the damaged frames are read by a screenings scan").isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> store.scan(RecordQuery.all(), entry -> {
        })).isInstanceOf(ProblemException.class);
    }

    @Test
    void anIndexThatGivesAFrameTheWrongKindIsCaughtByTheFrameAndTheSegmentReadInFull() throws Exception {
        open();
        List<AuditEntry> policies = appendTwoPoliciesAmongScreenings();
        stop();
        Map<Path, byte[]> written = indexContents();
        Path liar = null;
        for (Path index : files(".index")) {
            if (SegmentIndex.read(journalSegments(index.getFileName().toString().replace(".index", ".journal")))
                    .kinds().contains(POLICY_KIND)) {
                liar = index;
                break;
            }
        }
        assertThat(liar).isNotNull();
        List<Integer> kinds = kindNumbers(liar);
        int policy = kinds.indexOf(0);
        int screening = kinds.indexOf(1);
        assertThat(policy).as("kinds are numbered in name order: policy.version before screening").isNotNegative();
        // The policy record's entry now says screening, a screening's says policy.
        rewriteEntries(liar, (p, s) -> (p & ~KIND_BITS) | (s & KIND_BITS), (p, s) -> (s & ~KIND_BITS) | (p & KIND_BITS),
                policy, screening);

        open();

        assertThat(policyScan()).containsExactly(policies.get(0).screeningId(), policies.get(1).screeningId());
        awaitRebuilds();
        assertThat(Files.readAllBytes(liar)).isEqualTo(written.get(liar));
        assertThat(policyScan()).containsExactly(policies.get(0).screeningId(), policies.get(1).screeningId());
    }

    @Test
    void aPurgeDeletesTheIndexesOfTheSegmentsItDeletes() throws IOException {
        open();
        appendScreenings(20);
        assertThat(files(".index")).isNotEmpty();

        store.purge(Instant.now().plusSeconds(1));

        assertThat(files(".journal")).isEmpty();
        assertThat(files(".index")).isEmpty();
        assertThat(files(".summary")).isEmpty();
        AuditEntry next = AuditEntries.entry();
        store.append(List.of(next));
        assertThat(store.findResult(next.screeningId())).contains(next.result());
    }
}
