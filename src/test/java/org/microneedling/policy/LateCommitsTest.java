package org.microneedling.policy;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Policy;
import org.microneedling.security.Caller;

/**
 * On a shared database a row id is given at insert and the row is seen at commit, so a row with a smaller id can
 * appear after a read went past it. A database cannot be made to do that on cue; this log can, and the registry
 * must still learn of the late row.
 */
class LateCommitsTest {

    /** Rows by id, some held back as if their transaction had not committed yet. */
    private static final class SharedLog implements DecisionLog {
        private final Map<Long, AuditEntry> rows = new TreeMap<>();
        private final List<Long> uncommitted = new ArrayList<>();
        private long nextId = 1;
        boolean holdBack;

        @Override
        public void onCommitted(Consumer<List<AuditEntry>> listener) {
            throw new UnsupportedOperationException("The policy tests' log tells no one of its commits");
        }

        @Override
        public void append(List<AuditEntry> entries) {
            for (AuditEntry entry : entries) {
                long id = nextId++;
                rows.put(id, entry);
                if (holdBack) {
                    uncommitted.add(id);
                }
            }
        }

        void commitHeldBack() {
            uncommitted.clear();
        }

        @Override
        public long scan(RecordQuery query, Consumer<AuditEntry> each) {
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
            throw new UnsupportedOperationException("not needed here");
        }
    }

    @Test
    void aVersionCommittedAfterALaterRowWasReadIsStillLearned() {
        SharedLog log = new SharedLog();
        PolicyRegistry other = PolicyRegistryTest.registry(log);
        PolicyRegistry reader = PolicyRegistryTest.registry(log);
        Policy stricter = PolicyRegistryTest.CONFIGURED.policy().withOutcome("COLD_SORE_HISTORY", Outcome.INELIGIBLE);

        log.holdBack = true;
        other.createDraft("lakeside", policies -> new DraftReader.Draft(0, stricter, "late"), "{}",
                new Caller("c", "dr-a", "Dr A", "lakeside", true));
        log.holdBack = false;
        other.createDraft("harbor", policies -> new DraftReader.Draft(0, stricter, "early"), "{}",
                new Caller("c", "dr-b", "Dr B", "harbor", true));
        reader.refresh();
        assertThat(reader.policies("harbor").version(1)).isPresent();
        assertThat(reader.policies("lakeside").version(1)).isEmpty();

        log.commitHeldBack();
        reader.refresh();

        assertThat(reader.policies("lakeside").version(1)).isPresent();
        other.stop();
        reader.stop();
    }
}
