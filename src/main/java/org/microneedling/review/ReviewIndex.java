package org.microneedling.review;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * Every clinic's view of its referrals, reviews and patients ({@link ClinicReviews}), so that the queue, a status
 * and a clearance answer without scanning the store. Built from the audit store at start-up on a thread of its own
 * (the service starts at once; these look-ups answer 503 until it is done), then kept current by every commit of
 * this instance, and on a shared database by reading what other instances recorded every
 * {@code reviews.refresh-interval}. It keeps what is small per record (a referral's place in the queue, reviews,
 * a patient's latest screening) and the facts of the waiting referrals at the head of the queue; the facts of any
 * other screening are read from the store by id when asked for, so that the view does not grow with the history.
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
    private final int cachedReferrals;
    private final ScheduledExecutorService reader;
    private volatile boolean loaded;
    private long settledPosition;
    private final Deque<long[]> recentPositions = new ArrayDeque<>();

    ReviewIndex(DecisionLog log, ObjectMapper mapper, ReviewsConfig config) {
        this.log = log;
        this.records = new ReviewRecords(mapper);
        this.cachedReferrals = Math.max(0, config.cachedReferrals());
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
     * A screening of the clinic: a waiting referral's facts as kept, any other read from the store by id. On a shared
     * database one that another instance recorded since the last read is taken into the view as it is found.
     */
    Optional<ScreeningFacts> screening(String clinicId, UUID screeningId) {
        ClinicReviews clinic = clinic(clinicId);
        Optional<ScreeningFacts> cached = clinic.cached(screeningId);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<AuditEntry> stored = storedScreening(clinicId, screeningId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ScreeningFacts facts;
        try {
            facts = records.screening(stored.get());
        } catch (IllegalStateException e) {
            LOG.warnf("Audit record %s cannot be read as a screening: %s", screeningId, e.getMessage());
            return Optional.empty();
        }
        if (log.shared()) {
            clinic.addScreening(facts);
        }
        return Optional.of(facts);
    }

    /**
     * Up to {@code limit} referrals of the filter after {@code after} (null: from the oldest) with their facts, and
     * whether more follow the last of them. A referral whose record is gone from the store (retention) is left out.
     */
    Page page(String clinicId, QueueFilter filter, QueueKey after, int limit) {
        ClinicReviews clinic = clinic(clinicId);
        List<ScreeningFacts> items = new ArrayList<>(Math.min(limit, 64));
        QueueKey position = after;
        while (items.size() < limit) {
            int wanted = limit - items.size();
            List<QueueKey> keys = clinic.queue(filter, position, wanted);
            for (QueueKey key : keys) {
                screening(clinicId, key.screeningId()).ifPresent(items::add);
                position = key;
            }
            if (keys.size() < wanted) {
                return new Page(items, false);
            }
        }
        return new Page(items, !clinic.queue(filter, position, 1).isEmpty());
    }

    record Page(List<ScreeningFacts> items, boolean more) {
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
            clinicOf(entry.clinicOrDefault()).addScreening(records.screening(entry));
        } else if (ReviewRecords.KIND.equals(kind)) {
            String clinicId = entry.clinicOrDefault();
            ClinicReviews clinic = clinicOf(clinicId);
            if (!clinic.knowsReview(entry.screeningId())) {
                Review review = records.review(entry);
                clinic.addReview(review, keyOf(clinic, clinicId, review.screeningId()));
            }
        }
    }

    /** The reviewed screening's place in the queue, from the view or the store; null when neither has it yet. */
    private QueueKey keyOf(ClinicReviews clinic, String clinicId, UUID screeningId) {
        Optional<ScreeningFacts> cached = clinic.cached(screeningId);
        if (cached.isPresent()) {
            return cached.get().key();
        }
        return storedScreening(clinicId, screeningId).map(entry -> new QueueKey(entry.evaluatedAt(), screeningId))
                .orElse(null);
    }

    /** The clinic's screening record with this id; another clinic's, or a record of another kind, is none. */
    private Optional<AuditEntry> storedScreening(String clinicId, UUID screeningId) {
        return log.find(screeningId).filter(entry -> AuditEntry.SCREENING.equals(entry.kindOrScreening())
                && entry.clinicOrDefault().equals(clinicId));
    }

    private ClinicReviews clinicOf(String clinicId) {
        return clinics.computeIfAbsent(clinicId, id -> new ClinicReviews(cachedReferrals));
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
            LOG.infof("Screenings and reviews read for the review queue in %d ms (%d ms CPU): %d referral(s) and %d "
                    + "patient(s) of %d clinic(s)", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    TimeUnit.NANOSECONDS.toMillis(THREADS.getCurrentThreadCpuTime() - startedCpu),
                    clinics.values().stream().mapToInt(ClinicReviews::referrals).sum(),
                    clinics.values().stream().mapToInt(ClinicReviews::patients).sum(), clinics.size());
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
