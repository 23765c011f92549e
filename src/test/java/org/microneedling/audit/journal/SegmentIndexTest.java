package org.microneedling.audit.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index file on its own: look-ups across its blocks, a repeated id, kinds with few and many frames. */
class SegmentIndexTest {

    private static final int FRAME = 100;

    @TempDir
    Path dir;

    /** A closed segment as its summary would describe one holding {@code records} frames of {@link #FRAME} bytes. */
    private Segment segment(int records) {
        return new Segment(SegmentFiles.pathFor(dir, 1), 1, records, records, Long.MAX_VALUE, Long.MIN_VALUE,
                0, "ab", Frame.MAGIC.length + (long) records * FRAME);
    }

    private static long offset(int frame) {
        return Frame.MAGIC.length + (long) frame * FRAME;
    }

    @Test
    void everyIdIsFoundInEveryBlockAndARepeatedIdAcrossABlockEdgeAtItsFirstFrame() throws IOException {
        int records = 999;
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            ids.add(new UUID(i / 3 * 7919L, 0));
        }
        // Each id in three frames: some triples straddle a block edge of 64 entries, some start a block.
        IndexEntries entries = new IndexEntries();
        for (int i = records - 1; i >= 0; i--) {
            entries.add(ids.get(i), "screening", offset(i));
        }
        SegmentIndex index = SegmentIndex.write(segment(records), entries, false);

        for (int i = 0; i < records; i += 3) {
            assertThat(index.offsetOf(ids.get(i))).as("id %d", i).isEqualTo(offset(i));
        }
        assertThat(index.offsetOf(new UUID(7919L * 64 + 1, 0))).isEqualTo(SegmentIndex.ABSENT);
        assertThat(index.offsetOf(new UUID(-1, 0))).isEqualTo(SegmentIndex.ABSENT);
        assertThat(index.offsetOf(new UUID(Long.MAX_VALUE, 0))).isEqualTo(SegmentIndex.ABSENT);
    }

    @Test
    void aKindWithFewFramesIsListedAndOneWithManyIsLeftToAFullRead() throws IOException {
        int records = SegmentIndex.FEW_FRAMES + 4;
        IndexEntries entries = new IndexEntries();
        for (int i = 0; i < records; i++) {
            entries.add(UUID.randomUUID(), i % 500 == 7 ? "policy.version" : "screening", offset(i));
        }
        SegmentIndex index = SegmentIndex.write(segment(records), entries, false);

        assertThat(index.kinds()).containsExactlyInAnyOrder("policy.version", "screening");
        assertThat(index.framesOf(Set.of("policy.version"))).containsExactly(offset(7), offset(507), offset(1007));
        assertThat(index.framesOf(Set.of("policy.activation"))).isEmpty();
        assertThat(index.framesOf(Set.of("screening"))).isNull();
        assertThat(index.framesOf(Set.of("policy.version", "screening"))).isNull();
    }

    @Test
    void framesThatAreMoreThanAnEighthOfTheSegmentAreLeftToAFullRead() throws IOException {
        int records = 200;
        IndexEntries entries = new IndexEntries();
        for (int i = 0; i < records; i++) {
            entries.add(UUID.randomUUID(), i % 8 == 0 ? "review" : i % 7 == 0 ? "feedback" : "screening",
                    offset(i));
        }
        SegmentIndex index = SegmentIndex.write(segment(records), entries, false);

        assertThat(index.framesOf(Set.of("review"))).as("25 of 200").hasSize(25);
        assertThat(index.framesOf(Set.of("review", "feedback"))).as("50 of 200").isNull();
    }

    @Test
    void anIndexOfAnotherStateOfItsSegmentIsRefused() throws IOException {
        IndexEntries entries = new IndexEntries();
        for (int i = 0; i < 3; i++) {
            entries.add(UUID.randomUUID(), "screening", offset(i));
        }
        SegmentIndex.write(segment(3), entries, false);
        Segment longer = new Segment(SegmentFiles.pathFor(dir, 1), 1, 4, 4, Long.MAX_VALUE, Long.MIN_VALUE, 0, "cd",
                offset(4));

        assertThatThrownBy(() -> SegmentIndex.read(longer)).isInstanceOf(SegmentIndex.UnusableIndexException.class)
                .hasMessageContaining("the summary 4");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .containsExactly("segment-00000000000000000001.index");
    }
}
