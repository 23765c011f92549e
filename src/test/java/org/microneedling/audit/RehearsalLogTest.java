package org.microneedling.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microneedling.audit.journal.JournalAuditStore;

/** The warm-up's scratch journal: it commits as the trail's journal does, into a folder of its own that it deletes. */
class RehearsalLogTest {

    @TempDir
    Path dataDir;

    @Test
    void commitsToAFolderOfItsOwnAndDeletesItWhenClosed() throws Exception {
        AuditSettings trailSettings = AuditSettings.forJournal(dataDir.resolve("journal"));
        try (AuditStore trail = JournalAuditStore.open(trailSettings)) {
            RehearsalLog rehearsals = RehearsalLog.like(trailSettings);
            Path folder = rehearsals.folder();

            rehearsals.appendAsync(List.of(AuditEntries.entry(), AuditEntries.entry())).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);

            assertThat(folder).isDirectory().isNotEqualTo(trailSettings.journal().dir());
            assertThat(folder.startsWith(dataDir)).as("outside the data folder").isFalse();
            assertThat(ScratchJournals.bytesUnder(folder)).as("committed to its own journal").isPositive();
            assertThat(records(trail)).as("nothing in the trail").isZero();

            rehearsals.close();

            assertThat(folder).doesNotExist();
            assertThat(records(trail)).isZero();
        }
    }

    @Test
    void oneThatCannotTakeCommitsIsNotOpenedAndLeavesNothingBehind() throws IOException {
        AuditSettings trail = AuditSettings.forJournal(dataDir.resolve("journal"));
        AuditSettings noDiskLeft = trail.withJournal(new AuditSettings.JournalSettings(trail.journal().dir(), true,
                trail.journal().segmentBytes(), Long.MAX_VALUE));
        Set<Path> before = ScratchJournals.present();

        assertThatThrownBy(() -> RehearsalLog.like(noDiskLeft)).isInstanceOf(IOException.class)
                .hasMessageContaining("not ready");

        assertThat(ScratchJournals.present()).isSubsetOf(before);
    }

    private static long records(AuditStore store) {
        AtomicLong count = new AtomicLong();
        store.scan(RecordQuery.all(), entry -> count.incrementAndGet());
        return count.get();
    }
}
