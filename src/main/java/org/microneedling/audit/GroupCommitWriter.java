package org.microneedling.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;

/**
 * Group commit: callers queue their entries and wait; one writer thread takes everything queued, hands it to the
 * engine's {@link BatchTarget} as one unit (one transaction, or one journal write), which extends the hash chain in
 * queue order, and only then releases each caller.
 * A fsync costs the same for one record as for a thousand, so throughput grows with concurrency instead of
 * being capped by commit latency.
 */
public final class GroupCommitWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class);

    /** Counters since start; {@code commits} far below {@code records} is group commit at work. */
    public record Stats(long commits, long records, long failedCommits, long rejected, int queuedEntries) {
    }

    private record Pending(List<AuditEntry> entries, CompletableFuture<Void> done, long deadlineNanos) {
    }

    /** How often callers past their commit timeout are looked for; a 503 for a timeout comes at most this late. */
    private static final long TIMEOUT_SWEEP_MILLIS = 20;

    private final BatchTarget target;
    private final AuditSettings settings;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedEntries = new AtomicInteger();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong failedCommits = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Thread thread;
    private final Thread timeouts;
    /** The batch the writer is committing now; the timeout sweep looks at it as well as at the queue. */
    private volatile List<Pending> inFlight = List.of();
    private volatile boolean running = true;
    private volatile long failingUntilNanos;
    private volatile boolean failing;
    /** Last sequence this instance committed on its chain; verification uses it to notice a truncated tail. */
    private volatile long committedSeq = -1;

    public GroupCommitWriter(BatchTarget target, AuditSettings settings) {
        this.target = target;
        this.settings = settings;
        this.thread = new Thread(this::run, "audit-writer");
        thread.setDaemon(true);
        thread.start();
        this.timeouts = new Thread(this::sweepTimeouts, "audit-timeouts");
        timeouts.setDaemon(true);
        timeouts.start();
    }

    /** Returns once every entry is committed; otherwise throws a 503 {@code ProblemException}. */
    public void append(List<AuditEntry> entries) {
        try {
            appendAsync(entries).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw rethrow(e.getCause());
        }
    }

    /**
     * Queues the entries and completes once they are committed, or fails with a 503 {@code ProblemException}
     * (store down, saturated, shutting down, or no commit within the commit timeout). Nothing waits on a thread in
     * the meantime, so the HTTP event loop can hand over a decision and serve the next request.
     */
    public CompletionStage<Void> appendAsync(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<AuditEntry> copy = List.copyOf(entries);
        for (AuditEntry entry : copy) {
            if (entry.screeningId() == null || entry.request() == null || entry.result() == null) {
                throw new IllegalArgumentException("An audit entry needs a screeningId, the request and the result");
            }
        }
        if (!running) {
            return CompletableFuture.failedFuture(unavailable("The audit store is shutting down."));
        }
        if (breakerOpen()) {
            rejected.incrementAndGet();
            return CompletableFuture.failedFuture(
                    unavailable("The audit store is unavailable; the decision was not recorded."));
        }
        if (queuedEntries.addAndGet(copy.size()) > settings.queueCapacity()) {
            queuedEntries.addAndGet(-copy.size());
            rejected.incrementAndGet();
            return CompletableFuture.failedFuture(
                    unavailable("The audit store is saturated; the decision was not recorded."));
        }
        Pending pending = new Pending(copy, new CompletableFuture<>(),
                System.nanoTime() + settings.commitTimeout().toNanos());
        queue.add(pending);
        return pending.done();
    }

    /**
     * Fails callers whose commit has not come within the commit timeout. One thread looking every few milliseconds
     * costs less than a timer per request, which at thousands of requests a second kept a scheduler thread busy.
     * A caller failed here before the writer took it is skipped by the writer, so its 503 means "not recorded"; if
     * the writer had already taken it, the record exists without an answer: one record more, never a returned
     * decision without one.
     */
    private void sweepTimeouts() {
        while (running || !queue.isEmpty()) {
            try {
                Thread.sleep(TIMEOUT_SWEEP_MILLIS);
            } catch (InterruptedException e) {
                continue;
            }
            long now = System.nanoTime();
            // Oldest first: the batch being committed was queued before anything still in the queue.
            for (Pending pending : inFlight) {
                timeOut(pending, now);
            }
            for (Pending pending : queue) {
                timeOut(pending, now);
            }
        }
    }

    private void timeOut(Pending pending, long now) {
        if (now - pending.deadlineNanos() > 0 && pending.done().completeExceptionally(unavailable(
                "The audit store did not confirm the record in time; the decision was not returned."))) {
            rejected.incrementAndGet();
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    public Stats stats() {
        return new Stats(commits.get(), records.get(), failedCommits.get(), rejected.get(), queuedEntries.get());
    }

    public long committedSeq() {
        return committedSeq;
    }

    private boolean breakerOpen() {
        return failing && System.nanoTime() < failingUntilNanos;
    }

    /** Called when the store answered: appends are tried again at once. */
    public void storeAnswered() {
        if (failing) {
            failing = false;
            LOG.info("Audit store is available again");
        }
    }

    private void storeFailed(Throwable cause) {
        failedCommits.incrementAndGet();
        failingUntilNanos = System.nanoTime() + settings.failureBackoff().toNanos();
        if (!failing) {
            failing = true;
            // The cause's class and SQL state only: messages of constraint errors may quote stored values.
            LOG.warnf("Audit store unavailable, answering 503 until it recovers: %s%s", cause.getClass().getName(),
                    cause instanceof SQLException sql ? " (SQLState " + sql.getSQLState() + ")"
                            : cause instanceof java.io.IOException io ? " (" + io.getMessage() + ")" : "");
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) {
                continue;
            }
            List<Pending> batch = drainAfter(first);
            batch.removeIf(pending -> pending.done().isDone());
            inFlight = batch;
            if (batch.isEmpty()) {
                continue;
            }
            if (breakerOpen()) {
                failAll(batch, unavailable("The audit store is unavailable; the decision was not recorded."));
                continue;
            }
            try {
                write(batch);
            } catch (Throwable unexpected) {
                // The only writer must outlive anything a driver throws (seen: an AssertionError from the PostgreSQL
                // driver on a connection the server had just closed), or every later caller would time out.
                target.reset();
                storeFailed(unexpected);
                failAll(batch, unavailable("The audit store is unavailable; the decision was not recorded."));
                if (unexpected instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
            }
        }
    }

    /** False once the writer thread has died; readiness then stays DOWN. */
    public boolean alive() {
        return thread.isAlive();
    }

    private List<Pending> drainAfter(Pending first) {
        inFlight = List.of();
        List<Pending> batch = new ArrayList<>();
        batch.add(first);
        int count = first.entries().size();
        Pending next;
        while ((next = queue.peek()) != null && count + next.entries().size() <= settings.maxBatchEntries()) {
            queue.poll();
            batch.add(next);
            count += next.entries().size();
        }
        queuedEntries.addAndGet(-count);
        return batch;
    }

    private void write(List<Pending> batch) {
        write(batch, true);
    }

    private void write(List<Pending> batch, boolean retryRejected) {
        try {
            commit(batch);
            batch.forEach(pending -> pending.done().complete(null));
            if (queue.isEmpty()) {
                target.idle();
            }
        } catch (BatchTarget.RejectedEntriesException e) {
            if (retryRejected) {
                writeOneByOne(batch);
            } else {
                batch.forEach(pending -> pending.done().completeExceptionally(
                        new IllegalStateException("The audit store rejected the record: " + e.getMessage())));
            }
        } catch (Exception e) {
            target.reset();
            storeFailed(e);
            failAll(batch, unavailable("The audit store is unavailable; the decision was not recorded."));
        }
    }

    /** One caller's bad entry (a duplicate screeningId) must not fail the others that shared its unit. */
    private void writeOneByOne(List<Pending> batch) {
        for (Pending pending : batch) {
            write(List.of(pending), false);
        }
    }

    private void commit(List<Pending> batch) throws Exception {
        List<AuditEntry> entries = new ArrayList<>();
        for (Pending pending : batch) {
            entries.addAll(pending.entries());
        }
        committedSeq = target.commit(entries);
        commits.incrementAndGet();
        records.addAndGet(entries.size());
        storeAnswered();
    }

    private static void failAll(List<Pending> batch, RuntimeException cause) {
        batch.forEach(pending -> pending.done().completeExceptionally(cause));
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(ProblemType.SERVICE_UNAVAILABLE, detail), Map.of("Retry-After", "1"));
    }

    @Override
    public void close() {
        running = false;
        // Wakes a writer waiting for work, which would otherwise notice only at the end of its poll.
        queue.offer(new Pending(List.of(), CompletableFuture.completedFuture(null), System.nanoTime()));
        try {
            thread.join(settings.commitTimeout().toMillis() + settings.connectTimeout().toMillis() * 2 + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(unavailable("The audit store is shutting down."));
        }
        if (!thread.isAlive()) {
            target.close();
        }
    }
}
