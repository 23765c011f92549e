package org.microneedling.policy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditStore;
import org.microneedling.audit.DecisionLog;
import org.microneedling.audit.RecordQuery;
import org.microneedling.audit.Verification;

/** The decision log over one real store, as the running service has it, for tests that open and close stores. */
record StoreBackedLog(AuditStore store) implements DecisionLog {

    @Override
    public void onCommitted(Consumer<List<AuditEntry>> listener) {
        throw new UnsupportedOperationException("The policy tests' log tells no one of its commits");
    }

    @Override
    public void append(List<AuditEntry> entries) {
        store.append(entries);
    }

    @Override
    public CompletionStage<Void> appendAsync(List<AuditEntry> entries) {
        return store.appendAsync(entries);
    }

    @Override
    public Optional<String> findResult(UUID screeningId, String clinicId) {
        return store.find(screeningId).filter(entry -> entry.clinicOrDefault().equals(clinicId)).map(AuditEntry::result);
    }

    @Override
    public Optional<AuditEntry> find(UUID id) {
        return store.find(id);
    }

    @Override
    public long scan(RecordQuery query, Consumer<AuditEntry> each) {
        return store.scan(query, each);
    }

    @Override
    public boolean shared() {
        return store.shared();
    }

    @Override
    public Verification verify(String clinicId) {
        return store.verify(clinicId);
    }
}
