package org.microneedling.audit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditRecords;
import org.microneedling.audit.BatchTarget;
import org.microneedling.audit.ChainHash;

/**
 * A batch as one JDBC transaction: sequences and hashes assigned in order, one {@code executeBatch}, one commit.
 * The writer keeps a connection of its own, outside the pool, so reads never starve it.
 */
final class JdbcBatchTarget implements BatchTarget {

    private final AuditDatabase database;
    private final String chainId;
    /** Null means "read it from the database" (at start, after a failure, or after another writer's conflict). */
    private AuditRecords.Head head;
    /** Null after a failure until the next batch reconnects. */
    private Connection connection;

    JdbcBatchTarget(AuditDatabase database, String chainId) {
        this.database = database;
        this.chainId = chainId;
    }

    @Override
    public long commit(List<AuditEntry> entries) throws Exception {
        database.migrate();
        Connection writer = writerConnection();
        try {
            AuditRecords.Head current = head != null ? head : AuditTables.head(writer, chainId);
            Instant recordedAt = ChainHash.storable(Instant.now());
            try (PreparedStatement insert = writer.prepareStatement(AuditTables.INSERT)) {
                for (AuditEntry entry : entries) {
                    long seq = current.seq() + 1;
                    ChainHash.Content content = AuditRecords.content(chainId, seq, current.hash(), entry, recordedAt);
                    String hash = ChainHash.hash(content);
                    AuditTables.bindInsert(insert, content, hash);
                    insert.addBatch();
                    current = new AuditRecords.Head(seq, hash);
                }
                insert.executeBatch();
            }
            writer.commit();
            head = current;
            return current.seq();
        } catch (SQLException e) {
            if (isDataError(e)) {
                // Usually a duplicate screening id, or another instance extended the same chain: nothing was
                // committed, and the head is read again in case it moved.
                rollbackQuietly(writer);
                head = null;
                throw new RejectedEntriesException("SQLState " + e.getSQLState(), e);
            }
            // Whether it committed is unknown; the chain head is re-read from the database next time.
            throw e;
        }
    }

    @Override
    public void reset() {
        close();
        // Pooled readers may hold connections that died with the server too.
        database.discardConnections();
    }

    @Override
    public void close() {
        head = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already broken; nothing else to release.
            }
            connection = null;
        }
    }

    @Override
    public void idle() {
        if (connection != null) {
            database.maintain(connection);
        }
    }

    private Connection writerConnection() throws SQLException {
        if (connection == null) {
            connection = database.openDirect();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; closing it ends the transaction too.
        }
    }
}
