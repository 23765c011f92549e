package org.microneedling.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

import org.jboss.logging.Logger;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;

/**
 * The {@link DecisionLog} of the running service: opens the audit store at start-up, with its schema migrated
 * alongside the rest of the start (a broken schema shows in the log and in readiness at once), publishes its
 * counters as metrics, and runs the daily retention purge.
 */
@Startup
@ApplicationScoped
class AuditDecisionLog implements DecisionLog {

    private static final Logger LOG = Logger.getLogger(AuditDecisionLog.class);

    private final AuditConfig config;
    private final AuditStore store;
    private final ScheduledExecutorService retention;

    AuditDecisionLog(AuditConfig config, MeterRegistry registry) {
        this.config = config;
        if (!config.enabled()) {
            LOG.warn("""

                    ******************************************************************************
                    *  AUDIT IS DISABLED (audit.enabled=false): decisions are NOT recorded.      *
                    *  This mode exists only to benchmark the service. Never run it for patients. *
                    ******************************************************************************""");
            this.store = null;
            this.retention = null;
            return;
        }
        this.store = AuditStore.openForService(AuditSettings.from(config));
        LOG.infof("Audit trail on %s (%s), chain '%s', retention %d days", store.url(), store.engine(),
                config.chainId(), config.retentionDays());
        registerMetrics(registry, store);
        this.retention = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-retention");
            thread.setDaemon(true);
            return thread;
        });
        retention.scheduleWithFixedDelay(this::purgeExpired, config.purgeInitialDelay().toMillis(),
                config.purgeInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void registerMetrics(MeterRegistry registry, AuditStore store) {
        FunctionCounter.builder("audit.commits", store, s -> s.stats().commits())
                .description("Transactions committed by the audit writer; far fewer than records under load")
                .register(registry);
        FunctionCounter.builder("audit.records", store, s -> s.stats().records())
                .description("Decisions committed to the audit trail")
                .register(registry);
        FunctionCounter.builder("audit.commit.failures", store, s -> s.stats().failedCommits())
                .description("Commits that failed because the audit store was unavailable")
                .register(registry);
        FunctionCounter.builder("audit.rejected", store, s -> s.stats().rejected())
                .description("Appends answered 503 without reaching the store (backoff, full queue, timeout)")
                .register(registry);
        Gauge.builder("audit.queue.entries", store, s -> s.stats().queuedEntries())
                .description("Entries waiting for the audit writer")
                .register(registry);
    }

    @Override
    public void append(List<AuditEntry> entries) {
        if (store != null) {
            store.append(entries);
        }
    }

    @Override
    public CompletionStage<Void> appendAsync(List<AuditEntry> entries) {
        return store == null ? CompletableFuture.completedFuture(null) : store.appendAsync(entries);
    }

    @Override
    public Optional<String> findResult(UUID screeningId) {
        return store == null ? Optional.empty() : store.findResult(screeningId);
    }

    boolean enabled() {
        return store != null;
    }

    boolean ready() {
        return store == null || store.ready();
    }

    Verification verify() {
        if (store == null) {
            throw new ProblemException(Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    "The audit trail is disabled in this instance (audit.enabled=false)."));
        }
        return store.verify();
    }

    Optional<AuditStore> store() {
        return Optional.ofNullable(store);
    }

    /** Deletes records older than {@code audit.retention-days}; returns how many. */
    long purgeExpired() {
        if (store == null) {
            return 0;
        }
        Instant cutoff = Instant.now().minus(Duration.ofDays(config.retentionDays()));
        try {
            long purged = store.purge(cutoff).stream().mapToLong(AuditRecords.Purged::records).sum();
            if (purged > 0) {
                LOG.infof("Retention purge removed %d audit records recorded before %s", purged, cutoff);
            }
            return purged;
        } catch (RuntimeException e) {
            LOG.warnf("Retention purge failed, will try again at the next run: %s", e.getMessage());
            return 0;
        }
    }

    @PreDestroy
    void close() {
        if (retention != null) {
            retention.shutdownNow();
        }
        if (store != null) {
            store.close();
        }
    }
}
