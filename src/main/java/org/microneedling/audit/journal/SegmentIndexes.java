package org.microneedling.audit.journal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * The id indexes of a journal's segments: the loaded {@link SegmentIndex} of each closed one and the in-memory
 * {@link ActiveIndex} of the one being written. An index only says where to look; what it points to is checked
 * by the caller, which reports an index that pointed wrong ({@link #distrust}). Such an index, or one that changed
 * on disk, is dropped at once (its segment is scanned meanwhile) and rebuilt from its segment on a background
 * thread, not on the request that found it.
 */
final class SegmentIndexes implements AutoCloseable {

    /** No usable index for the segment: scan it. */
    static final long UNKNOWN = -2;
    private static final Logger LOG = Logger.getLogger(SegmentIndexes.class);

    private final ReadWriteLock filesLock;
    private final Supplier<List<Segment>> closedSegments;
    private final boolean sync;
    private final Map<Long, SegmentIndex> closed = new ConcurrentHashMap<>();
    private final Set<Long> rebuilding = ConcurrentHashMap.newKeySet();
    /** Segments whose index could not be built (damaged frames): scanned as before indexes, not retried. */
    private final Set<Long> unindexable = ConcurrentHashMap.newKeySet();
    private final ExecutorService rebuilder;
    private volatile ActiveIndex active;

    SegmentIndexes(ReadWriteLock filesLock, Supplier<List<Segment>> closedSegments, boolean sync) {
        this.filesLock = filesLock;
        this.closedSegments = closedSegments;
        this.sync = sync;
        this.rebuilder = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "audit-journal-index");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What opening the journal found: the indexes of the closed segments that have one, and the active one. */
    void reset(Map<Long, SegmentIndex> loaded, List<Segment> closedNow, ActiveIndex activeIndex) {
        closed.clear();
        closed.putAll(loaded);
        unindexable.clear();
        for (Segment segment : closedNow) {
            if (!loaded.containsKey(segment.firstSeq())) {
                unindexable.add(segment.firstSeq());
            }
        }
        active = activeIndex;
    }

    void started(Segment segment) {
        active = ActiveIndex.empty(segment.firstSeq());
    }

    /** Called by the writer once a batch is written at {@code position} of the active segment. */
    void appended(FrameBatch batch, long position) {
        active.added(batch, position);
    }

    /**
     * Writes the index file of the segment just closed. Failing to write it fails nothing: the segment is scanned
     * until the next start rebuilds its index.
     */
    void closed(Segment segment) {
        ActiveIndex written = active;
        try {
            if (written != null && written.indexes(segment)) {
                closed.put(segment.firstSeq(), SegmentIndex.write(segment, written.entries(), sync));
            }
        } catch (IOException e) {
            LOG.warnf("Audit journal index of %s not written (%s); look-ups scan that segment until the next start",
                    segment.path().getFileName(), e.getMessage());
        }
        active = null;
    }

    /** The segment was deleted (retention). */
    void removed(Segment segment) {
        closed.remove(segment.firstSeq());
        unindexable.remove(segment.firstSeq());
    }

    /**
     * Where the first frame with this id starts in {@code segment} as the caller sees it, {@link SegmentIndex#ABSENT}
     * if the segment holds no such id, {@link #UNKNOWN} if there is no usable index to tell.
     */
    long offsetOf(Segment segment, UUID id) {
        SegmentIndex index = closed.get(segment.firstSeq());
        if (index != null && index.segment().path().equals(segment.path())) {
            try {
                return visible(index.offsetOf(id), segment);
            } catch (IOException changed) {
                SegmentIndex reloaded = reload(index, changed);
                if (reloaded == null) {
                    return UNKNOWN;
                }
                try {
                    return visible(reloaded.offsetOf(id), segment);
                } catch (IOException again) {
                    drop(reloaded, again.getMessage());
                    return UNKNOWN;
                }
            }
        }
        ActiveIndex current = active;
        if (current != null && current.indexes(segment)) {
            return current.offsetOf(id, segment.size());
        }
        if (index == null) {
            scheduleRebuild(segment);
        }
        return UNKNOWN;
    }

    /** A closed index covers its whole segment; a caller that saw the segment while it was active sees less. */
    private static long visible(long offset, Segment segment) {
        return offset >= segment.size() ? SegmentIndex.ABSENT : offset;
    }

    /** The index file changed since it was checked (replaced, damaged, cut): check it again, or rebuild it. */
    private SegmentIndex reload(SegmentIndex stale, IOException changed) {
        try {
            SegmentIndex reloaded = SegmentIndex.read(stale.segment());
            closed.replace(stale.segment().firstSeq(), stale, reloaded);
            return reloaded;
        } catch (IOException unusable) {
            drop(stale, changed.getMessage() + "; " + describe(unusable));
            return null;
        }
    }

    /**
     * Where the frames of these kinds start in a closed segment, in order: empty when it holds none, null when
     * unknown (no usable index, or a kind with too many frames there): then read the whole segment.
     */
    long[] framesOf(Segment segment, Set<String> kinds) {
        SegmentIndex index = closed.get(segment.firstSeq());
        if (index == null || !index.segment().equals(segment)) {
            return null;
        }
        return index.framesOf(kinds);
    }

    /** The caller read what the index pointed to, and it was not the record: drop the index and rebuild it. */
    void distrust(Segment segment, String why) {
        SegmentIndex index = closed.get(segment.firstSeq());
        if (index != null) {
            drop(index, why);
        }
    }

    private void drop(SegmentIndex index, String why) {
        Segment segment = index.segment();
        if (closed.remove(segment.firstSeq(), index)) {
            LOG.warnf("Audit journal index of %s cannot be used (%s); the segment is scanned until it is rebuilt",
                    segment.path().getFileName(), why);
        }
        scheduleRebuild(segment);
    }

    private void scheduleRebuild(Segment segment) {
        long key = segment.firstSeq();
        if (unindexable.contains(key) || closed.containsKey(key) || !rebuilding.add(key)) {
            return;
        }
        try {
            rebuilder.execute(() -> rebuild(key));
        } catch (RejectedExecutionException closing) {
            rebuilding.remove(key);
        }
    }

    /** Reads the segment under the files read lock, so that a purge cannot delete it meanwhile. */
    private void rebuild(long firstSeq) {
        filesLock.readLock().lock();
        try {
            Segment segment = closedSegments.get().stream().filter(s -> s.firstSeq() == firstSeq).findFirst()
                    .orElse(null);
            if (segment == null || closed.containsKey(firstSeq)) {
                return;
            }
            SegmentIndex built = SegmentRecovery.buildIndex(segment, sync);
            if (built == null) {
                unindexable.add(firstSeq);
            } else {
                closed.put(firstSeq, built);
                LOG.infof("Audit journal index of %s rebuilt", segment.path().getFileName());
            }
        } catch (IOException | RuntimeException e) {
            unindexable.add(firstSeq);
            LOG.warnf("Audit journal index of segment %d could not be rebuilt (%s); it is scanned", firstSeq,
                    e.getMessage());
        } finally {
            rebuilding.remove(firstSeq);
            filesLock.readLock().unlock();
        }
    }

    /** Whether no rebuild is waiting or running: for tests. */
    boolean idle() {
        return rebuilding.isEmpty();
    }

    static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "missing" : e.getMessage();
    }

    @Override
    public void close() {
        rebuilder.shutdown();
        try {
            if (!rebuilder.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Audit journal index rebuild still running at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
