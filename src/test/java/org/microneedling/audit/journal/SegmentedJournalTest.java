package org.microneedling.audit.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microneedling.audit.AuditEntries;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditRecords;
import org.microneedling.audit.AuditSettings.JournalSettings;
import org.microneedling.audit.ChainHash;

/** The journal's files on their own: a segment never spans two UTC days, so a purge deletes by whole days. */
class SegmentedJournalTest {

    @TempDir
    Path dir;

    private AuditRecords.Head head = AuditRecords.Head.GENESIS;

    /** One record recorded at {@code recordedAt}, chained to the previous one, as the writer would frame it. */
    private FrameBatch batchRecordedAt(String recordedAt) {
        Instant at = Instant.parse(recordedAt);
        AuditEntry entry = AuditEntries.entry();
        long seq = head.seq() + 1;
        byte[] canonical = ChainHash.canonicalBytes(AuditRecords.content("main", seq, head.hash(), entry, at));
        byte[] digest = ChainHash.sha256().digest(canonical);
        String hash = java.util.HexFormat.of().formatHex(digest);
        FrameBatch batch = new FrameBatch();
        batch.add(canonical, digest, seq, hash, entry.screeningId(), entry.kindOrScreening(), ChainHash.epochMicros(at));
        head = new AuditRecords.Head(seq, hash);
        return batch;
    }

    private List<String> files(String suffix) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("segment-") && name.endsWith(suffix)).sorted()
                    .toList();
        }
    }

    @Test
    void aNewUtcDayStartsANewSegmentAlsoAfterARestart() throws IOException {
        try (SegmentedJournal journal = SegmentedJournal.open(dir, true, JournalSettings.DEFAULT_SEGMENT_BYTES)) {
            journal.append(batchRecordedAt("2026-11-26T23:59:59Z"));
            journal.append(batchRecordedAt("2026-11-27T00:00:01Z"));
            journal.append(batchRecordedAt("2026-11-27T10:00:00Z"));
        }
        assertThat(files(".journal")).containsExactly("segment-00000000000000000001.journal",
                "segment-00000000000000000002.journal");
        assertThat(files(".summary")).containsExactly("segment-00000000000000000001.summary");

        try (SegmentedJournal reopened = SegmentedJournal.open(dir, true, JournalSettings.DEFAULT_SEGMENT_BYTES)) {
            reopened.append(batchRecordedAt("2026-11-27T18:00:00Z"));
            reopened.append(batchRecordedAt("2026-11-28T00:00:00Z"));

            assertThat(reopened.segments()).extracting(Segment::firstSeq, Segment::lastSeq)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1L),
                            org.assertj.core.groups.Tuple.tuple(2L, 4L), org.assertj.core.groups.Tuple.tuple(5L, 5L));
        }
    }

    @Test
    void aPurgeDeletesTheDaysBeforeTheCutoffAndAnchorsTheChainAtTheirLastRecord() throws IOException {
        try (SegmentedJournal journal = SegmentedJournal.open(dir, true, JournalSettings.DEFAULT_SEGMENT_BYTES)) {
            journal.append(batchRecordedAt("2026-11-25T08:00:00Z"));
            journal.append(batchRecordedAt("2026-11-25T17:00:00Z"));
            journal.append(batchRecordedAt("2026-11-26T08:00:00Z"));
            journal.append(batchRecordedAt("2026-11-27T08:00:00Z"));

            AuditRecords.Purged purged = journal.purge("main", Instant.parse("2026-11-26T06:00:00Z"));

            assertThat(purged).isEqualTo(new AuditRecords.Purged("main", 2, 2));
            assertThat(journal.segments()).extracting(Segment::firstSeq).containsExactly(3L, 4L);
            assertThat(journal.anchors()).singleElement().satisfies(anchor -> {
                assertThat(anchor.seq()).isEqualTo(2);
                assertThat(anchor.purgedRecords()).isEqualTo(2);
            });
        }
        try (SegmentedJournal reopened = SegmentedJournal.open(dir, true, JournalSettings.DEFAULT_SEGMENT_BYTES)) {
            assertThat(reopened.anchors()).singleElement().extracting(Anchor::seq).isEqualTo(2L);
            assertThat(files(".journal")).hasSize(2);
        }
    }
}
