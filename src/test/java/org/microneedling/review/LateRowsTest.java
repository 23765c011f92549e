package org.microneedling.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.DecisionLog;
import org.microneedling.audit.RecordQuery;
import org.microneedling.audit.Verification;

/**
 * On a shared database a row id is given at insert and the row is seen at commit, so another instance's screening
 * with a smaller id can appear after a read went past it. This log does that on cue; the view must still learn of
 * the late row.
 */
class LateRowsTest {

    /** Rows by id, recorded by "another instance": no commit of its reaches this instance's listeners. */
    private static final class OtherInstancesRows implements DecisionLog {
        private final Map<Long, AuditEntry> rows = new TreeMap<>();
        private final List<Long> uncommitted = new ArrayList<>();
        private long nextId = 1;

        synchronized void insert(AuditEntry entry, boolean committed) {
            long id = nextId++;
            rows.put(id, entry);
            if (!committed) {
                uncommitted.add(id);
            }
        }

        synchronized void commitAll() {
            uncommitted.clear();
        }

        @Override
        public synchronized long scan(RecordQuery query, Consumer<AuditEntry> each) {
            long last = query.afterPosition();
            for (Map.Entry<Long, AuditEntry> row : rows.entrySet()) {
                if (row.getKey() > query.afterPosition() && !uncommitted.contains(row.getKey())
                        && query.matches(row.getValue())) {
                    each.accept(row.getValue());
                    last = row.getKey();
                }
            }
            return last;
        }

        @Override
        public boolean shared() {
            return true;
        }

        @Override
        public void onCommitted(Consumer<List<AuditEntry>> listener) {
        }

        @Override
        public void append(List<AuditEntry> entries) {
            entries.forEach(entry -> insert(entry, true));
        }

        @Override
        public CompletionStage<Void> appendAsync(List<AuditEntry> entries) {
            append(entries);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Optional<String> findResult(UUID screeningId, String clinicId) {
            return Optional.empty();
        }

        @Override
        public Optional<AuditEntry> find(UUID id) {
            return Optional.empty();
        }

        @Override
        public Verification verify(String clinicId) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aScreeningWhoseRowCommitsAfterALaterOneIsStillTakenIn() throws InterruptedException {
        OtherInstancesRows rows = new OtherInstancesRows();
        ReviewIndex index = new ReviewIndex(rows, ReviewFixtures.JSON, ReviewFixtures.config(Duration.ofMillis(100)));
        ReviewFixtures.awaitLoaded(index);
        LocalDate asOf = LocalDate.of(2026, 11, 25);
        AuditEntry late = ReviewFixtures.screening("lakeside", "REFER_TO_PROVIDER", "pt-late", asOf,
                Instant.parse("2026-11-25T09:00:00Z"));
        AuditEntry early = ReviewFixtures.screening("lakeside", "ELIGIBLE", "pt-early", asOf,
                Instant.parse("2026-11-25T09:00:01Z"));
        rows.insert(late, false);
        rows.insert(early, true);
        awaitTrue(() -> index.clinic("lakeside").latestOfPatient("pt-early").isPresent());

        rows.commitAll();

        awaitTrue(() -> index.clinic("lakeside").latestOfPatient("pt-late").isPresent());
        assertThat(index.page("lakeside", QueueFilter.PENDING, null, 10).items())
                .extracting(ScreeningFacts::screeningId).containsExactly(late.screeningId());
        index.stop();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("seen within 5 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
