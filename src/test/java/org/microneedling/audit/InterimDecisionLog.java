package org.microneedling.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

// Interim, replaced by the real store when the audit branch lands.
@ApplicationScoped
public class InterimDecisionLog implements DecisionLog {
    private final Map<UUID, String> results = new ConcurrentHashMap<>();

    @Override
    public void append(List<AuditEntry> entries) {
        entries.forEach(entry -> results.put(entry.screeningId(), entry.result()));
    }

    @Override
    public Optional<String> findResult(UUID screeningId) {
        return Optional.ofNullable(results.get(screeningId));
    }
}
