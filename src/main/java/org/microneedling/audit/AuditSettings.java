package org.microneedling.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link AuditStore} needs to run, independent of CDI so the store can be built directly in tests.
 */
record AuditSettings(
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
        Duration failureBackoff) {

    static final String DEFAULT_CHAIN = "main";

    AuditSettings {
        if (chainId == null || chainId.isBlank() || chainId.length() > 64) {
            throw new IllegalArgumentException("audit.chain-id must be 1 to 64 characters");
        }
        if (queueCapacity < 1 || maxBatchEntries < 1 || poolMaxSize < 2) {
            throw new IllegalArgumentException(
                    "audit.queue-capacity and audit.max-batch-entries must be positive, audit.db.pool-max-size at least 2");
        }
    }

    /** Defaults as in {@link AuditConfig}, for the given URL. */
    static AuditSettings forUrl(String jdbcUrl, String username, String password) {
        return new AuditSettings(jdbcUrl, username, password, DEFAULT_CHAIN, 4, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(1), 10_000, 1000, Duration.ofMillis(500));
    }

    static AuditSettings from(AuditConfig config) {
        String url = config.db().url().filter(u -> !u.isBlank()).orElseGet(() -> embeddedUrl(config.dataDir()));
        return new AuditSettings(url, config.db().username().orElse(null), config.db().password().orElse(null),
                config.chainId(), config.db().poolMaxSize(), config.db().connectTimeout(), config.db().socketTimeout(),
                config.commitTimeout(), config.queueCapacity(), config.maxBatchEntries(), config.failureBackoff());
    }

    /** The embedded file database under {@code dataDir}, which is created if missing. */
    static String embeddedUrl(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create audit.data-dir " + dir, e);
        }
        return "jdbc:h2:file:" + dir.resolve("audit");
    }

    AuditSettings withChainId(String otherChainId) {
        return new AuditSettings(jdbcUrl, username, password, otherChainId, poolMaxSize, connectTimeout, socketTimeout,
                commitTimeout, queueCapacity, maxBatchEntries, failureBackoff);
    }

    AuditSettings withCommitTimeout(Duration timeout) {
        return new AuditSettings(jdbcUrl, username, password, chainId, poolMaxSize, connectTimeout, socketTimeout,
                timeout, queueCapacity, maxBatchEntries, failureBackoff);
    }

    @Override
    public String toString() {
        // The password must never reach a log line.
        return "AuditSettings[url=" + jdbcUrl + ", chainId=" + chainId + "]";
    }
}
