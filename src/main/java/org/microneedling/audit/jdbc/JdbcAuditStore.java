package org.microneedling.audit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.jboss.logging.Logger;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditRecords;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.AuditStore;
import org.microneedling.audit.GroupCommitWriter;
import org.microneedling.audit.RecordQuery;
import org.microneedling.audit.Verification;
import org.microneedling.common.ProblemException;

/**
 * The audit trail on a JDBC database (PostgreSQL, or H2 when its URL is given): durable appends through the
 * {@link GroupCommitWriter}, read-back, verification and the retention purge. Plain Java, so tests build it
 * directly on any JDBC URL.
 */
public final class JdbcAuditStore implements AuditStore {

    private static final Logger LOG = Logger.getLogger(JdbcAuditStore.class);

    private final AuditSettings settings;
    private final AuditDatabase database;
    private final GroupCommitWriter writer;

    private JdbcAuditStore(AuditSettings settings, AuditDatabase database) {
        this.settings = settings;
        this.database = database;
        this.writer = new GroupCommitWriter(new JdbcBatchTarget(database, settings.chainId()), settings);
    }

    /**
     * Opens the pool and migrates the schema. An unreachable database does not stop the service from starting:
     * it stays not ready and answers 503 until the database answers and the schema is migrated.
     */
    public static JdbcAuditStore open(AuditSettings settings) {
        JdbcAuditStore store = new JdbcAuditStore(settings, AuditDatabase.open(settings));
        store.migrateOrWarn();
        return store;
    }

    /**
     * Like {@link #open}, but the schema is checked and migrated on a thread of its own while the rest of the
     * service starts: opening H2 and Flyway's check take about half a second, which the first request would
     * otherwise wait for on top of the framework's start. Appends and readiness wait for the migration.
     */
    public static JdbcAuditStore openMigratingInBackground(AuditSettings settings) {
        JdbcAuditStore store = new JdbcAuditStore(settings, AuditDatabase.open(settings));
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

    @Override
    public GroupCommitWriter writer() {
        return writer;
    }

    @Override
    public Optional<String> findResult(UUID screeningId) {
        try (Connection connection = readyConnection()) {
            return AuditTables.findResult(connection, screeningId);
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<AuditEntry> find(UUID id) {
        try (Connection connection = readyConnection()) {
            return AuditTables.find(connection, id);
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** A failure of the store answers 503; an exception thrown by {@code each} reaches the caller as it is. */
    @Override
    public long scan(RecordQuery query, Consumer<AuditEntry> each) {
        Connection connection;
        try {
            connection = readyConnection();
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
        try (connection) {
            return JdbcRecordScan.scan(connection, database.engine(), query, each);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Every instance configured with the same database appends to it. */
    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public Verification verify(String clinicId) {
        try (Connection connection = readyConnection()) {
            long committed = writer.committedSeq();
            Map<String, Long> heads = committed < 0 ? Map.of() : Map.of(settings.chainId(), committed);
            return JdbcChainVerifier.verify(connection, heads, clinicId).visibleTo(clinicId);
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<AuditRecords.Purged> purge(Instant cutoff) {
        List<AuditRecords.Purged> purged = new ArrayList<>();
        try (Connection connection = readyConnection()) {
            for (String chainId : AuditTables.chainIds(connection)) {
                connection.setAutoCommit(false);
                try {
                    purged.add(AuditTables.purge(connection, chainId, cutoff, Instant.now()));
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
    @Override
    public boolean ready() {
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

    @Override
    public String engine() {
        return database.engine().name();
    }

    @Override
    public String url() {
        return database.url();
    }

    private Connection readyConnection() throws SQLException {
        database.migrate();
        return database.connection();
    }

    private static RuntimeException unavailable(Exception cause) {
        if (cause instanceof ProblemException problem) {
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
