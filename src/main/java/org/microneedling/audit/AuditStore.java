package org.microneedling.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.jboss.logging.Logger;

/**
 * The audit trail on one database: durable appends through the {@link GroupCommitWriter}, read-back,
 * verification and the retention purge. Plain Java, so tests build it directly on any JDBC URL.
 */
final class AuditStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AuditStore.class);

    private final AuditSettings settings;
    private final AuditDatabase database;
    private final GroupCommitWriter writer;

    private AuditStore(AuditSettings settings, AuditDatabase database) {
        this.settings = settings;
        this.database = database;
        this.writer = new GroupCommitWriter(database, settings);
    }

    /**
     * Opens the pool and migrates the schema. An unreachable database does not stop the service from starting:
     * it stays not ready and answers 503 until the database answers and the schema is migrated.
     */
    static AuditStore open(AuditSettings settings) {
        AuditStore store = new AuditStore(settings, AuditDatabase.open(settings));
        store.migrateOrWarn();
        return store;
    }

    /**
     * Like {@link #open}, but the schema is checked and migrated on a thread of its own while the rest of the
     * service starts: opening H2 and Flyway's check take about half a second, which the first request would
     * otherwise wait for on top of the framework's start. Appends and readiness wait for the migration.
     */
    static AuditStore openMigratingInBackground(AuditSettings settings) {
        AuditStore store = new AuditStore(settings, AuditDatabase.open(settings));
        Thread migration = new Thread(store::migrateOrWarn, "audit-schema");
        migration.setDaemon(true);
        migration.start();
        return store;
    }

    private void migrateOrWarn() {
        try {
            database.migrate();
        } catch (RuntimeException e) {
            LOG.warnf("Audit database %s not available at start-up (%s); will keep trying", database.url(),
                    e.getClass().getSimpleName());
        }
    }

    /** Returns once every entry is committed; otherwise throws a 503 {@code ProblemException}. */
    void append(List<AuditEntry> entries) {
        writer.append(entries);
    }

    /** Completes once every entry is committed; otherwise fails with a 503 {@code ProblemException}. */
    CompletionStage<Void> appendAsync(List<AuditEntry> entries) {
        return writer.appendAsync(entries);
    }

    Optional<String> findResult(UUID screeningId) {
        try (Connection connection = readyConnection()) {
            return AuditRecords.findResult(connection, screeningId);
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    Verification verify() {
        try (Connection connection = readyConnection()) {
            long committed = writer.committedSeq();
            Map<String, Long> heads = committed < 0 ? Map.of() : Map.of(settings.chainId(), committed);
            return ChainVerifier.verify(connection, heads);
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Deletes every chain's records recorded before {@code cutoff}, anchoring each chain where it now starts. */
    List<AuditRecords.Purged> purge(Instant cutoff) {
        List<AuditRecords.Purged> purged = new ArrayList<>();
        try (Connection connection = readyConnection()) {
            for (String chainId : AuditRecords.chainIds(connection)) {
                connection.setAutoCommit(false);
                try {
                    purged.add(AuditRecords.purge(connection, chainId, cutoff, Instant.now()));
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
        return purged;
    }

    /** Ready means: the schema is in place and the database answers now. */
    boolean ready() {
        if (!writer.alive()) {
            return false;
        }
        try {
            database.migrate();
        } catch (RuntimeException e) {
            return false;
        }
        if (database.ping()) {
            writer.storeAnswered();
            return true;
        }
        return false;
    }

    GroupCommitWriter.Stats stats() {
        return writer.stats();
    }

    AuditDatabase.Engine engine() {
        return database.engine();
    }

    String url() {
        return database.url();
    }

    AuditSettings settings() {
        return settings;
    }

    private Connection readyConnection() throws SQLException {
        database.migrate();
        return database.connection();
    }

    private static RuntimeException unavailable(Exception cause) {
        if (cause instanceof org.microneedling.common.ProblemException problem) {
            return problem;
        }
        return GroupCommitWriter.unavailable("The audit store is unavailable.");
    }

    @Override
    public void close() {
        writer.close();
        database.close();
    }
}
