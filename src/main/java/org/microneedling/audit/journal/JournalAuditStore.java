package org.microneedling.audit.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.jboss.logging.Logger;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditRecords;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.AuditStore;
import org.microneedling.audit.ChainHash;
import org.microneedling.audit.ChainVerifier;
import org.microneedling.audit.GroupCommitWriter;
import org.microneedling.audit.RecordQuery;
import org.microneedling.audit.Verification;

/**
 * The embedded audit store: this instance's hash chain in an append-only {@link SegmentedJournal} under
 * {@code audit.data-dir/journal}. A commit is one write of the batch's frames and one {@code fdatasync}, instead of
 * a database's page rewrites (ADR 0008). Read-back finds the record through the segments' id indexes
 * ({@link JournalIdLookup}); verification re-reads every segment and never uses an index.
 */
public final class JournalAuditStore implements AuditStore {

    private static final Logger LOG = Logger.getLogger(JournalAuditStore.class);

    private final AuditSettings settings;
    private final GroupCommitWriter writer;
    private volatile SegmentedJournal journal;
    private volatile boolean lowOnSpace;

    private JournalAuditStore(AuditSettings settings) {
        this.settings = settings;
        this.writer = new GroupCommitWriter(new JournalBatchTarget(this, settings.chainId()), settings);
    }

    /** Opens the journal; one that cannot be opened leaves the store not ready, answering 503, until it can. */
    public static JournalAuditStore open(AuditSettings settings) {
        JournalAuditStore store = new JournalAuditStore(settings);
        try {
            store.journalOrReopen();
        } catch (IOException e) {
            LOG.errorf("Audit journal in %s cannot be opened (%s); decisions are refused with 503 until it can",
                    settings.journal().dir(), e.getMessage());
        }
        return store;
    }

    /** The open journal, opening it first if an earlier attempt failed. */
    SegmentedJournal journalOrReopen() throws IOException {
        SegmentedJournal current = journal;
        if (current == null) {
            synchronized (this) {
                if (journal == null) {
                    AuditSettings.JournalSettings js = settings.journal();
                    journal = SegmentedJournal.open(js.dir(), js.sync(), js.segmentBytes());
                }
                current = journal;
            }
        }
        return current;
    }

    /** Where the chain ends now: its last record, else the anchor of the last purge, else genesis. */
    AuditRecords.Head head(SegmentedJournal open) {
        Segment last = open.lastNonEmpty();
        if (last != null) {
            return new AuditRecords.Head(last.lastSeq(), last.lastHash());
        }
        return lastAnchor(open).map(a -> new AuditRecords.Head(a.seq(), a.hash())).orElse(AuditRecords.Head.GENESIS);
    }

    private Optional<Anchor> lastAnchor(SegmentedJournal open) {
        Anchor last = null;
        for (Anchor anchor : open.anchors()) {
            if (anchor.chainId().equals(settings.chainId()) && (last == null || anchor.seq() > last.seq())) {
                last = anchor;
            }
        }
        return Optional.ofNullable(last);
    }

    @Override
    public GroupCommitWriter writer() {
        return writer;
    }

    @Override
    public Optional<String> findResult(UUID screeningId) {
        return canonicalOf(screeningId).map(canonical -> ChainHash.field(canonical, ChainHash.RESULT_FIELD));
    }

    @Override
    public Optional<AuditEntry> find(UUID id) {
        Optional<byte[]> canonical = canonicalOf(id);
        try {
            return canonical.map(bytes -> ChainHash.parse(bytes).entry());
        } catch (IllegalArgumentException e) {
            throw unavailable("Audit journal read failed: %s", e);
        }
    }

    /** The canonical bytes of the record with this id, found without decoding the others. */
    private Optional<byte[]> canonicalOf(UUID id) {
        try {
            return JournalIdLookup.canonicalOf(openOrUnavailable(), id);
        } catch (IOException | IllegalArgumentException e) {
            throw unavailable("Audit journal read failed: %s", e);
        }
    }

    /** A failure of the journal answers 503; an exception thrown by {@code each} reaches the caller as it is. */
    @Override
    public long scan(RecordQuery query, Consumer<AuditEntry> each) {
        try {
            return JournalRecordScan.scan(openOrUnavailable(), query, each);
        } catch (IOException e) {
            throw unavailable("Audit journal scan failed: %s", e);
        }
    }

    /** Only this instance appends to its journal. */
    @Override
    public boolean shared() {
        return false;
    }

    private static RuntimeException unavailable(String message, Exception cause) {
        LOG.warnf(message, cause.getMessage());
        return GroupCommitWriter.unavailable("The audit store is unavailable.");
    }

    @Override
    public Verification verify(String clinicId) {
        SegmentedJournal open = openOrUnavailable();
        String chainId = settings.chainId();
        // Read before the segments: appends that complete while verifying must not look like a cut tail.
        long committed = writer.committedSeq();
        open.filesLock().readLock().lock();
        try {
            Optional<Anchor> anchor = lastAnchor(open);
            long anchorSeq = anchor.map(Anchor::seq).orElse(0L);
            long expectedSeq = anchorSeq + 1;
            String expectedPrev = anchor.map(Anchor::hash).orElse(ChainHash.GENESIS);
            long records = 0;
            Verification.Break broken = null;
            segments:
            for (Segment segment : open.segments()) {
                try (FrameReader reader = FrameReader.of(segment)) {
                    Frame frame;
                    while ((frame = reader.next()) != null) {
                        ChainHash.Content content = ChainHash.parse(frame.canonical());
                        if (Verification.counts(clinicId, content.entry())) {
                            records++;
                        }
                        String storedHash = HexFormat.of().formatHex(frame.storedDigest());
                        // The journal has no row id: a record is named by its sequence.
                        broken = ChainVerifier.check(chainId, content.seq(), content, storedHash, expectedSeq,
                                expectedPrev);
                        if (broken != null) {
                            break segments;
                        }
                        expectedSeq = content.seq() + 1;
                        expectedPrev = storedHash;
                    }
                } catch (DamagedFrameException damaged) {
                    broken = new Verification.Break(chainId, null, expectedSeq,
                            "record " + expectedSeq + " cannot be read: " + damaged.getMessage());
                    break;
                } catch (IllegalArgumentException malformed) {
                    broken = new Verification.Break(chainId, expectedSeq, expectedSeq,
                            "record " + expectedSeq + " cannot be decoded (modified)");
                    break;
                }
            }
            long lastSeq = expectedSeq - 1;
            if (broken == null) {
                broken = ChainVerifier.missingTail(chainId, lastSeq, committed);
            }
            Verification.Chain chain = new Verification.Chain(chainId, broken == null, records, anchorSeq, lastSeq,
                    broken == null ? expectedPrev : null, broken);
            return new Verification(broken == null, records, broken, List.of(chain), Instant.now()).visibleTo(clinicId);
        } catch (IOException e) {
            LOG.warnf("Audit journal verification could not read the files: %s", e.getMessage());
            throw GroupCommitWriter.unavailable("The audit store is unavailable.");
        } finally {
            open.filesLock().readLock().unlock();
        }
    }

    @Override
    public List<AuditRecords.Purged> purge(Instant cutoff) {
        SegmentedJournal open = openOrUnavailable();
        try {
            return List.of(open.purge(settings.chainId(), cutoff));
        } catch (IOException e) {
            LOG.warnf("Audit journal purge failed: %s", e.getMessage());
            throw GroupCommitWriter.unavailable("The audit store is unavailable.");
        }
    }

    /** Ready means: the journal is open, its folder writable with room to grow, and the writer running. */
    @Override
    public boolean ready() {
        if (!writer.alive()) {
            return false;
        }
        try {
            SegmentedJournal open = journalOrReopen();
            if (!Files.isWritable(open.dir())) {
                return false;
            }
            long free = Files.getFileStore(open.dir()).getUsableSpace();
            if (free < settings.journal().minFreeBytes()) {
                if (!lowOnSpace) {
                    LOG.errorf("Audit journal disk has %d MB free, below audit.journal.min-free-space: not ready",
                            free / (1024 * 1024));
                    lowOnSpace = true;
                }
                return false;
            }
            lowOnSpace = false;
        } catch (IOException e) {
            return false;
        }
        writer.storeAnswered();
        return true;
    }

    private SegmentedJournal openOrUnavailable() {
        try {
            return journalOrReopen();
        } catch (IOException e) {
            throw GroupCommitWriter.unavailable("The audit store is unavailable.");
        }
    }

    @Override
    public String engine() {
        return "JOURNAL";
    }

    @Override
    public String url() {
        return settings.journal().dir().toString();
    }

    @Override
    public void close() {
        writer.close();
        SegmentedJournal open = journal;
        if (open != null) {
            open.close();
        }
    }
}
