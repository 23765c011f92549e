package org.microneedling.audit;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

import org.jboss.logging.Logger;
import org.microneedling.audit.GroupCommitWriter.Stats;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;

/**
 * The {@link DecisionLog} of the running service: opens the audit store at start-up, with its schema migrated
 * alongside the rest of the start (a broken schema shows in the log and in readiness at once), publishes its
 * counters as metrics, and runs the retention purge on the Quarkus scheduler ({@code audit.purge-interval}).
 */
@Startup
@ApplicationScoped
class AuditDecisionLog implements DecisionLog {

    private static final Logger LOG = Logger.getLogger(AuditDecisionLog.class);

    private final AuditConfig config;
    private final AuditSettings settings;
    private final AuditStore store;
    private final List<Consumer<List<AuditEntry>>> listeners = new CopyOnWriteArrayList<>();

    AuditDecisionLog(AuditConfig config, MeterRegistry registry) {
        this.config = config;
        if (!config.enabled()) {
            LOG.warn("""

                    ******************************************************************************
                    *  AUDIT IS DISABLED (audit.enabled=false): decisions are NOT recorded.      *
                    *  This mode exists only to benchmark the service. Never run it for patients. *
                    ******************************************************************************""");
            this.settings = null;
            this.store = null;
            return;
        }
        this.settings = AuditSettings.from(config);
        this.store = AuditStores.openForService(settings);
        LOG.infof("Audit trail on %s (%s), chain '%s', retention %d days", store.url(), store.engine(),
                config.chainId(), config.retentionDays());
        registerMetrics(registry, store);
    }

    private static void registerMetrics(MeterRegistry registry, AuditStore store) {
        counter(registry, store, "audit.commits", Stats::commits,
                "Transactions committed by the audit writer; far fewer than records under load");
        counter(registry, store, "audit.records", Stats::records, "Decisions committed to the audit trail");
        counter(registry, store, "audit.commit.failures", Stats::failedCommits,
                "Commits that failed because the audit store was unavailable");
        counter(registry, store, "audit.rejected", Stats::rejected,
                "Appends answered 503 without reaching the store (backoff, full queue, timeout)");
        Gauge.builder("audit.queue.entries", store, s -> s.stats().queuedEntries())
                .description("Entries waiting for the audit writer")
                .register(registry);
    }

    private static void counter(MeterRegistry registry, AuditStore store, String name,
            ToDoubleFunction<Stats> count, String description) {
        FunctionCounter.builder(name, store, s -> count.applyAsDouble(s.stats())).description(description)
                .register(registry);
    }

    @Override
    public void append(List<AuditEntry> entries) {
        // With the audit off nothing is recorded, so a view of the trail has nothing to take in (and would grow
        // with every decision it was shown).
        if (store != null) {
            store.append(entries);
            committed(entries);
        }
    }

    @Override
    public CompletionStage<Void> appendAsync(List<AuditEntry> entries) {
        if (store == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<Void> commit = store.appendAsync(entries);
        return listeners.isEmpty() ? commit : commit.thenRun(() -> committed(entries));
    }

    @Override
    public void onCommitted(Consumer<List<AuditEntry>> listener) {
        listeners.add(listener);
    }

    private void committed(List<AuditEntry> entries) {
        for (Consumer<List<AuditEntry>> listener : listeners) {
            try {
                listener.accept(entries);
            } catch (RuntimeException e) {
                // The entries are committed whatever a view makes of them; the caller must get its answer.
                LOG.warnf("A view of the audit trail could not take in %d committed record(s): %s", entries.size(),
                        e.toString());
            }
        }
    }

    @Override
    public Optional<String> findResult(UUID screeningId, String clinicId) {
        return find(screeningId)
                .filter(entry -> AuditEntry.SCREENING.equals(entry.kindOrScreening())
                        && entry.clinicOrDefault().equals(clinicId))
                .map(AuditEntry::result);
    }

    @Override
    public Optional<AuditEntry> find(UUID id) {
        return store == null ? Optional.empty() : store.find(id);
    }

    @Override
    public long scan(RecordQuery query, Consumer<AuditEntry> each) {
        return store == null ? query.afterPosition() : store.scan(query, each);
    }

    @Override
    public boolean shared() {
        return store != null && store.shared();
    }

    @Override
    public Optional<RehearsalLog> openRehearsal() throws IOException {
        return settings == null || settings.journal() == null ? Optional.empty()
                : Optional.of(RehearsalLog.like(settings));
    }

    boolean enabled() {
        return store != null;
    }

    boolean ready() {
        return store == null || store.ready();
    }

    @Override
    public Verification verify(String clinicId) {
        if (store == null) {
            throw new ProblemException(Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    "The audit trail is disabled in this instance (audit.enabled=false)."));
        }
        return store.verify(clinicId);
    }

    Optional<AuditStore> store() {
        return Optional.ofNullable(store);
    }

    /**
     * Deletes records older than {@code audit.retention-days}. A run still going when the next is due (a large first
     * purge) is not started twice.
     */
    @Scheduled(identity = "audit-retention", every = "${audit.purge-interval}",
            delayed = "${audit.purge-initial-delay}", concurrentExecution = ConcurrentExecution.SKIP)
    void purgeExpired() {
        if (store == null) {
            return;
        }
        Instant cutoff = Instant.now().minus(Duration.ofDays(config.retentionDays()));
        try {
            long purged = store.purge(cutoff).stream().mapToLong(AuditRecords.Purged::records).sum();
            if (purged > 0) {
                LOG.infof("Retention purge removed %d audit records recorded before %s", purged, cutoff);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Retention purge failed, will try again at the next run: %s", e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        if (store != null) {
            store.close();
        }
    }
}
