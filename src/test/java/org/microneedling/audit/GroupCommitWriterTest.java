package org.microneedling.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microneedling.common.ProblemException;

/**
 * The writer on its own, with a target the test controls: commit timeouts, callers that timed out before the
 * writer reached them, and a refused entry that must not fail the callers sharing its batch.
 */
class GroupCommitWriterTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    /** Records what it was given; blocks while {@code stuck} is closed; refuses entries with a marked id. */
    private static final class ControlledTarget implements BatchTarget {
        final List<UUID> committed = new CopyOnWriteArrayList<>();
        final CountDownLatch released = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);
        volatile boolean stuck;
        volatile UUID refused;
        private long seq;

        @Override
        public long commit(List<AuditEntry> entries) throws Exception {
            entered.countDown();
            if (stuck) {
                released.await();
            }
            if (entries.stream().anyMatch(entry -> entry.screeningId().equals(refused))) {
                throw new RejectedEntriesException("refused by the test", null);
            }
            entries.forEach(entry -> committed.add(entry.screeningId()));
            seq += entries.size();
            return seq;
        }

        @Override
        public void reset() {
        }
    }

    private final ControlledTarget target = new ControlledTarget();
    private final GroupCommitWriter writer = new GroupCommitWriter(target,
            AuditSettings.forJournal(Path.of("unused")).withCommitTimeout(TIMEOUT));

    @AfterEach
    void stop() {
        target.released.countDown();
        writer.close();
    }

    @Test
    void aCommitThatDoesNotComeInTimeIsAnswered503AndCounted() throws Exception {
        target.stuck = true;
        long start = System.nanoTime();
        CompletableFuture<Void> append = writer.appendAsync(List.of(AuditEntries.entry())).toCompletableFuture();

        assertThatThrownBy(() -> append.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(503);
                    assertThat(e.headers()).containsEntry("Retry-After", "1");
                });
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(TIMEOUT.toMillis());
        assertThat(writer.stats().rejected()).isEqualTo(1);
    }

    @Test
    void aCallerThatTimedOutWhileQueuedIsNeverWritten() throws Exception {
        CompletableFuture<Void> blocked = blockTheWriterWith(AuditEntries.entry());
        AuditEntry queued = AuditEntries.entry();
        CompletableFuture<Void> waiting = writer.appendAsync(List.of(queued)).toCompletableFuture();

        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(ProblemException.class);
        target.stuck = false;
        target.released.countDown();
        AuditEntry later = AuditEntries.entry();
        writer.append(List.of(later));

        assertThat(target.committed).contains(later.screeningId()).doesNotContain(queued.screeningId());
        assertThat(blocked).isCompletedExceptionally();
    }

    @Test
    void aRefusedEntryFailsOnlyItsOwnCaller() throws Exception {
        AuditEntry blocker = AuditEntries.entry();
        CompletableFuture<Void> first = blockTheWriterWith(blocker);
        AuditEntry bad = AuditEntries.entry();
        AuditEntry good = AuditEntries.entry();
        target.refused = bad.screeningId();
        // Both queue behind the blocked commit, so the writer takes them in one batch.
        CompletableFuture<Void> refused = writer.appendAsync(List.of(bad)).toCompletableFuture();
        CompletableFuture<Void> accepted = writer.appendAsync(List.of(good)).toCompletableFuture();
        target.stuck = false;
        target.released.countDown();

        first.get(5, TimeUnit.SECONDS);
        accepted.get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(IllegalStateException.class);
        assertThat(target.committed).containsExactly(blocker.screeningId(), good.screeningId());
    }

    /** Appends an entry whose commit holds the writer until the test releases the target. */
    private CompletableFuture<Void> blockTheWriterWith(AuditEntry entry) throws InterruptedException {
        target.stuck = true;
        CompletableFuture<Void> blocked = writer.appendAsync(List.of(entry)).toCompletableFuture();
        assertThat(target.entered.await(5, TimeUnit.SECONDS)).isTrue();
        return blocked;
    }

    @Test
    void closingAnIdleWriterStopsItWithoutACommitOrARefusal() {
        writer.close();

        assertThat(writer.alive()).as("stopped once close returns").isFalse();
        assertThat(target.entered.getCount()).as("the target was never called").isEqualTo(1);
        assertThat(writer.stats().commits()).isZero();
        assertThat(writer.stats().rejected()).isZero();
    }
}
