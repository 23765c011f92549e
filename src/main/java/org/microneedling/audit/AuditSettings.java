package org.microneedling.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@link AuditStore} needs to run, independent of CDI so the store can be built directly in tests.
 *
 * @param jdbcUrl the database, or null for the embedded journal
 * @param journal the embedded journal, or null when the audit is in a JDBC database
 */
public record AuditSettings(
        String jdbcUrl,
        String username,
        String password,
        String chainId,
        int poolMaxSize,
        Duration connectTimeout,
        Duration socketTimeout,
        Duration commitTimeout,
        int queueCapacity,
        int maxBatchEntries,
        Duration failureBackoff,
        JournalSettings journal) {

    public static final String DEFAULT_CHAIN = "main";
    /** The H2 file of versions before the journal; a data folder that has one keeps using it. */
    static final String LEGACY_H2_FILE = "audit.mv.db";

    /**
     * The embedded journal.
     *
     * @param dir its folder
     * @param sync whether each commit is forced to the disk ({@code fdatasync}) before callers are answered
     * @param segmentBytes size at which a segment is closed and the next one begun
     * @param minFreeBytes below this much free disk space the store reports not ready
     */
    public record JournalSettings(Path dir, boolean sync, long segmentBytes, long minFreeBytes) {

        public static final long DEFAULT_SEGMENT_BYTES = 16L * 1024 * 1024;
        public static final long DEFAULT_MIN_FREE_BYTES = 64L * 1024 * 1024;
    }

    public AuditSettings {
        if (chainId == null || chainId.isBlank() || chainId.length() > 64) {
            throw new IllegalArgumentException("audit.chain-id must be 1 to 64 characters");
        }
        if ((jdbcUrl == null) == (journal == null)) {
            throw new IllegalArgumentException("The audit store is either a JDBC URL or the journal");
        }
        if (queueCapacity < 1 || maxBatchEntries < 1 || poolMaxSize < 2) {
            throw new IllegalArgumentException(
                    "audit.queue-capacity and audit.max-batch-entries must be positive, audit.db.pool-max-size at least 2");
        }
    }

    /** Defaults as in {@link AuditConfig}, for the given URL. */
    public static AuditSettings forUrl(String jdbcUrl, String username, String password) {
        return new AuditSettings(jdbcUrl, username, password, DEFAULT_CHAIN, 4, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(1), 10_000, 1000, Duration.ofMillis(500), null);
    }

    /** Defaults as in {@link AuditConfig}, for a journal in {@code dir}. */
    public static AuditSettings forJournal(Path dir) {
        return new AuditSettings(null, null, null, DEFAULT_CHAIN, 4, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(1), 10_000, 1000, Duration.ofMillis(500),
                new JournalSettings(dir, true, JournalSettings.DEFAULT_SEGMENT_BYTES,
                        JournalSettings.DEFAULT_MIN_FREE_BYTES));
    }

    static AuditSettings from(AuditConfig config) {
        Optional<String> url = config.db().url().filter(u -> !u.isBlank());
        Path legacyH2 = config.dataDir().resolve(LEGACY_H2_FILE);
        JournalSettings journal = null;
        String jdbcUrl = null;
        if (url.isPresent()) {
            jdbcUrl = url.get();
        } else if (Files.exists(legacyH2)) {
            jdbcUrl = embeddedUrl(config.dataDir());
        } else {
            journal = new JournalSettings(config.dataDir().resolve("journal").toAbsolutePath().normalize(),
                    config.journal().sync(), config.journal().segmentSize().asLongValue(),
                    config.journal().minFreeSpace().asLongValue());
        }
        return new AuditSettings(jdbcUrl, config.db().username().orElse(null), config.db().password().orElse(null),
                config.chainId(), config.db().poolMaxSize(), config.db().connectTimeout(), config.db().socketTimeout(),
                config.commitTimeout(), config.queueCapacity(), config.maxBatchEntries(), config.failureBackoff(),
                journal);
    }

    /** An H2 file database under {@code dataDir}, which is created if missing. */
    public static String embeddedUrl(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            OwnerOnly.folder(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create audit.data-dir " + dir, e);
        }
        return "jdbc:h2:file:" + dir.resolve("audit");
    }

    public AuditSettings withChainId(String otherChainId) {
        return new AuditSettings(jdbcUrl, username, password, otherChainId, poolMaxSize, connectTimeout, socketTimeout,
                commitTimeout, queueCapacity, maxBatchEntries, failureBackoff, journal);
    }

    public AuditSettings withCommitTimeout(Duration timeout) {
        return new AuditSettings(jdbcUrl, username, password, chainId, poolMaxSize, connectTimeout, socketTimeout,
                timeout, queueCapacity, maxBatchEntries, failureBackoff, journal);
    }

    public AuditSettings withJournal(JournalSettings otherJournal) {
        return new AuditSettings(jdbcUrl, username, password, chainId, poolMaxSize, connectTimeout, socketTimeout,
                commitTimeout, queueCapacity, maxBatchEntries, failureBackoff, otherJournal);
    }

    @Override
    public String toString() {
        // The password must never reach a log line.
        return "AuditSettings[" + (journal != null ? "journal=" + journal.dir() : "url=" + jdbcUrl) + ", chainId="
                + chainId + "]";
    }
}
