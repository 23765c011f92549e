package org.microneedling.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;

/**
 * Group commit: callers queue their entries and wait; one writer thread takes everything queued, inserts it in
 * one transaction with one commit, extends the hash chain in queue order, and only then releases each caller.
 * A fsync costs the same for one record as for a thousand, so throughput grows with concurrency instead of
 * being capped by commit latency.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class);

    /** Counters since start; {@code commits} far below {@code records} is group commit at work. */
    record Stats(long commits, long records, long failedCommits, long rejected, int queuedEntries) {
    }

    private record Pending(List<AuditEntry> entries, CompletableFuture<Void> done) {
    }

    private final AuditDatabase database;
    private final AuditSettings settings;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedEntries = new AtomicInteger();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong failedCommits = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long failingUntilNanos;
    private volatile boolean failing;
    /** Last sequence this instance committed on its chain; verification uses it to notice a truncated tail. */
    private volatile long committedSeq = -1;
    /** Only touched by the writer thread; null means "read it from the database". */
    private AuditRecords.Head head;
    /** Only touched by the writer thread; null after a failure until the next batch reconnects. */
    private Connection connection;

    GroupCommitWriter(AuditDatabase database, AuditSettings settings) {
        this.database = database;
        this.settings = settings;
        this.thread = new Thread(this::run, "audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns once every entry is committed; otherwise throws a 503 {@code ProblemException}. */
    void append(List<AuditEntry> entries) {
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
    CompletionStage<Void> appendAsync(List<AuditEntry> entries) {
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
        Pending pending = new Pending(copy, new CompletableFuture<>());
        queue.add(pending);
        // A timed-out entry is done before the writer reaches it, so the writer skips it: the caller's 503 then means
        // "not recorded". If the writer had already taken it, the record exists without an answer: one record more,
        // never a returned decision without one.
        return pending.done().orTimeout(settings.commitTimeout().toNanos(), TimeUnit.NANOSECONDS)
                .exceptionallyCompose(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof TimeoutException) {
                        rejected.incrementAndGet();
                        return CompletableFuture.failedFuture(unavailable(
                                "The audit store did not confirm the record in time; the decision was not returned."));
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    private static RuntimeException rethrow(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    Stats stats() {
        return new Stats(commits.get(), records.get(), failedCommits.get(), rejected.get(), queuedEntries.get());
    }

    long committedSeq() {
        return committedSeq;
    }

    boolean breakerOpen() {
        return failing && System.nanoTime() < failingUntilNanos;
    }

    /** Called when the store answered: appends are tried again at once. */
    void storeAnswered() {
        if (failing) {
            failing = false;
            LOG.info("Audit store is available again");
        }
    }

    private void storeFailed(Exception cause) {
        failedCommits.incrementAndGet();
        failingUntilNanos = System.nanoTime() + settings.failureBackoff().toNanos();
        if (!failing) {
            failing = true;
            // The cause's class and SQL state only: messages of constraint errors may quote stored values.
            LOG.warnf("Audit store unavailable, answering 503 until it recovers: %s%s", cause.getClass().getName(),
                    cause instanceof SQLException sql ? " (SQLState " + sql.getSQLState() + ")" : "");
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
                head = null;
                closeWriterConnection();
                storeFailed(unexpected instanceof Exception e ? e : new IllegalStateException(unexpected));
                failAll(batch, unavailable("The audit store is unavailable; the decision was not recorded."));
                if (unexpected instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
            }
        }
    }

    /** False once the writer thread has died; readiness then stays DOWN. */
    boolean alive() {
        return thread.isAlive();
    }

    private List<Pending> drainAfter(Pending first) {
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

    private void write(List<Pending> batch, boolean retryDataError) {
        try {
            commit(batch);
            batch.forEach(pending -> pending.done().complete(null));
            maintainWhenIdle();
        } catch (SQLException e) {
            head = null;
            if (isDataError(e) && retryDataError) {
                // Usually another instance extended the same chain (unique chain_id, seq): retry on a fresh head.
                writeOneByOne(batch);
            } else if (isDataError(e)) {
                batch.forEach(pending -> pending.done().completeExceptionally(new IllegalStateException(
                        "The audit store rejected the record (SQLState " + e.getSQLState() + ")")));
            } else {
                storeFailed(e);
                // Pooled readers may hold connections that died with the server too.
                database.discardConnections();
                failAll(batch, unavailable("The audit store is unavailable; the decision was not recorded."));
            }
        } catch (RuntimeException e) {
            // Flyway reports an unreachable database at start as a runtime exception.
            head = null;
            storeFailed(e);
            failAll(batch, unavailable("The audit store is unavailable; the decision was not recorded."));
        }
    }

    /**
     * After the callers have their answers, and only between bursts: under full load a compaction step would
     * delay every caller waiting for the next commit.
     */
    private void maintainWhenIdle() {
        if (queue.isEmpty() && connection != null) {
            database.maintain(connection);
        }
    }

    /** One caller's bad entry (a duplicate screeningId) must not fail the others that shared its transaction. */
    private void writeOneByOne(List<Pending> batch) {
        for (Pending pending : batch) {
            write(List.of(pending), false);
        }
    }

    private void commit(List<Pending> batch) throws SQLException {
        database.migrate();
        Connection connection = writerConnection();
        try {
            AuditRecords.Head current = head != null ? head : AuditRecords.head(connection, settings.chainId());
            Instant recordedAt = ChainHash.storable(Instant.now());
            int count = 0;
            try (PreparedStatement insert = connection.prepareStatement(AuditRecords.INSERT)) {
                for (Pending pending : batch) {
                    for (AuditEntry entry : pending.entries()) {
                        long seq = current.seq() + 1;
                        ChainHash.Content content = AuditRecords.content(settings.chainId(), seq, current.hash(),
                                entry, recordedAt);
                        String hash = ChainHash.hash(content);
                        AuditRecords.bindInsert(insert, content, hash);
                        insert.addBatch();
                        current = new AuditRecords.Head(seq, hash);
                        count++;
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            head = current;
            committedSeq = current.seq();
            commits.incrementAndGet();
            records.addAndGet(count);
            storeAnswered();
        } catch (SQLException e) {
            if (isDataError(e)) {
                rollbackQuietly(connection);
            } else {
                // Whether it committed is unknown; the chain head is re-read from the database next time.
                closeWriterConnection();
            }
            throw e;
        } catch (RuntimeException e) {
            closeWriterConnection();
            throw e;
        }
    }

    private Connection writerConnection() throws SQLException {
        if (connection == null) {
            connection = database.openDirect();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void closeWriterConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already broken; nothing else to release.
            }
            connection = null;
        }
    }

    private static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it and the transaction dies with it.
        }
    }

    private static void failAll(List<Pending> batch, RuntimeException cause) {
        batch.forEach(pending -> pending.done().completeExceptionally(cause));
    }

    static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(ProblemType.SERVICE_UNAVAILABLE, detail), Map.of("Retry-After", "1"));
    }

    @Override
    public void close() {
        running = false;
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
            closeWriterConnection();
        }
    }
}
