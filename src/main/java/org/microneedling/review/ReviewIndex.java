package org.microneedling.review;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;

import org.jboss.logging.Logger;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.DecisionLog;
import org.microneedling.audit.RecordQuery;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;

/**
 * Every clinic's screenings and reviews in memory ({@link ClinicReviews}), so that the queue, a status and a
 * clearance answer without reading the store. Built from the audit store at start-up on a thread of its own (the
 * service starts at once; these look-ups answer 503 until it is done), then kept current by every commit of this
 * instance, and on a shared database by reading what other instances recorded every
 * {@code reviews.refresh-interval}.
 */
@Startup
@ApplicationScoped
public class ReviewIndex {

    private static final Logger LOG = Logger.getLogger(ReviewIndex.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Set<String> KINDS = Set.of(AuditEntry.SCREENING, ReviewRecords.KIND);
    /** Row ids are given at insert and seen at commit: a read goes over this much again (see PolicyRegistry). */
    private static final long SETTLE_MILLIS = 30_000;

    private final DecisionLog log;
    private final ReviewRecords records;
    private final Map<String, ClinicReviews> clinics = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reader;
    private volatile boolean loaded;
    private long settledPosition;
    private final Deque<long[]> recentPositions = new ArrayDeque<>();

    ReviewIndex(DecisionLog log, ObjectMapper mapper, ReviewsConfig config) {
        this.log = log;
        this.records = new ReviewRecords(mapper);
        // Listening before the first read: a record committed meanwhile is read twice rather than missed.
        log.onCommitted(this::take);
        reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "review-index");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(100, config.refreshInterval().toMillis());
        reader.scheduleWithFixedDelay(this::readOrWarn, 0, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
    }

    boolean loaded() {
        return loaded;
    }

    ReviewRecords records() {
        return records;
    }

    /** The clinic's screenings and reviews; 503 until the store has been read once. */
    ClinicReviews clinic(String clinicId) {
        if (!loaded) {
            throw new ProblemException(Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    "The screenings are still being read from the audit store; retry shortly."),
                    Map.of("Retry-After", "1"));
        }
        return clinicOf(clinicId);
    }

    /**
     * A screening of the clinic. On a shared database one that another instance recorded since the last read is
     * looked up in the store; on the journal, which only this instance writes, what is not known does not exist.
     */
    Optional<ScreeningFacts> screening(String clinicId, UUID screeningId) {
        ClinicReviews clinic = clinic(clinicId);
        Optional<ScreeningFacts> known = clinic.screening(screeningId);
        if (known.isPresent() || !log.shared()) {
            return known;
        }
        Optional<AuditEntry> stored = log.find(screeningId).filter(entry ->
                AuditEntry.SCREENING.equals(entry.kindOrScreening()) && entry.clinicOrDefault().equals(clinicId));
        stored.ifPresent(entry -> take(List.of(entry)));
        return clinic.screening(screeningId);
    }

    /** Takes in committed records; other kinds are not this view's. */
    void take(List<AuditEntry> entries) {
        for (AuditEntry entry : entries) {
            try {
                takeOne(entry);
            } catch (IllegalStateException e) {
                // One unreadable record must not keep every clinic's queue from loading; verification reports it.
                LOG.warnf("Audit record %s is left out of the review queue: %s", entry.screeningId(), e.getMessage());
            }
        }
    }

    private void takeOne(AuditEntry entry) {
        String kind = entry.kindOrScreening();
        if (AuditEntry.SCREENING.equals(kind)) {
            ClinicReviews clinic = clinicOf(entry.clinicOrDefault());
            if (clinic.screening(entry.screeningId()).isEmpty()) {
                clinic.addScreening(records.screening(entry));
            }
        } else if (ReviewRecords.KIND.equals(kind)) {
            ClinicReviews clinic = clinicOf(entry.clinicOrDefault());
            if (!clinic.knowsReview(entry.screeningId())) {
                clinic.addReview(records.review(entry));
            }
        }
    }

    private ClinicReviews clinicOf(String clinicId) {
        return clinics.computeIfAbsent(clinicId, id -> new ClinicReviews());
    }

    /** Reads what was recorded since the last read: everything the first time, then only on a shared database. */
    synchronized void read() {
        if (loaded && !log.shared()) {
            return;
        }
        long started = System.nanoTime();
        long startedCpu = THREADS.getCurrentThreadCpuTime();
        long now = System.currentTimeMillis();
        long reached = log.scan(new RecordQuery(KINDS, null, null, null, settledPosition),
                entry -> take(List.of(entry)));
        if (log.shared()) {
            recentPositions.addLast(new long[] { now, reached });
            while (recentPositions.size() > 1 && recentPositions.peekFirst()[0] <= now - SETTLE_MILLIS) {
                settledPosition = Math.max(settledPosition, recentPositions.removeFirst()[1]);
            }
        } else {
            settledPosition = reached;
        }
        if (!loaded) {
            loaded = true;
            // The thread's CPU time beside the wall time: on a busy machine the second says little of the work.
            LOG.infof("Screenings and reviews read for the review queue in %d ms (%d ms CPU): %d screening(s) of %d "
                    + "clinic(s)", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    TimeUnit.NANOSECONDS.toMillis(THREADS.getCurrentThreadCpuTime() - startedCpu),
                    clinics.values().stream().mapToInt(ClinicReviews::screenings).sum(), clinics.size());
        }
    }

    private void readOrWarn() {
        try {
            read();
        } catch (RuntimeException e) {
            LOG.warnf("Screenings and reviews could not be read from the audit store (%s); will try again",
                    e.getMessage());
        }
    }
}
