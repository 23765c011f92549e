package org.microneedling.audit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditRecords.Head;
import org.microneedling.audit.AuditRecords.Purged;
import org.microneedling.audit.ChainHash;

/**
 * The SQL of the audit tables, written once for H2 and PostgreSQL. There is no UPDATE anywhere, and the only
 * DELETE is the retention purge, which leaves an anchor behind.
 */
final class AuditTables {

    static final String INSERT = """
            INSERT INTO audit_record (chain_id, seq, screening_id, request, result, ruleset_name, ruleset_version,
                ruleset_digest, as_of, external_reference, client_id, source_format, evaluated_at, recorded_at,
                prev_hash, hash, record_kind, clinic_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Every column {@link #readContent} reads. */
    static final String COLUMNS = """
            id, chain_id, seq, screening_id, request, result, ruleset_name, ruleset_version, ruleset_digest,
                as_of, external_reference, client_id, source_format, evaluated_at, recorded_at, prev_hash, hash,
                record_kind, clinic_id""";

    static final String SELECT_CHAIN = "SELECT " + COLUMNS + " FROM audit_record WHERE chain_id = ? ORDER BY seq";

    private AuditTables() {
    }

    static void bindInsert(PreparedStatement insert, ChainHash.Content c, String hash) throws SQLException {
        AuditEntry e = c.entry();
        insert.setString(1, c.chainId());
        insert.setLong(2, c.seq());
        insert.setObject(3, e.screeningId());
        insert.setString(4, e.request());
        insert.setString(5, e.result());
        setNullableString(insert, 6, e.rulesetName());
        setNullableString(insert, 7, e.rulesetVersion());
        setNullableString(insert, 8, e.rulesetDigest());
        if (e.asOf() == null) {
            insert.setNull(9, Types.DATE);
        } else {
            insert.setObject(9, e.asOf());
        }
        setNullableString(insert, 10, e.externalReference());
        setNullableString(insert, 11, e.clientId());
        setNullableString(insert, 12, e.sourceFormat());
        insert.setObject(13, OffsetDateTime.ofInstant(e.evaluatedAt(), ZoneOffset.UTC));
        insert.setObject(14, OffsetDateTime.ofInstant(c.recordedAt(), ZoneOffset.UTC));
        insert.setString(15, c.prevHash());
        insert.setString(16, hash);
        setNullableString(insert, 17, e.kind());
        setNullableString(insert, 18, e.clinicId());
    }

    /** Reads the content back exactly as it was hashed; used by verification. */
    static ChainHash.Content readContent(ResultSet row) throws SQLException {
        AuditEntry entry = new AuditEntry(
                row.getObject("screening_id", UUID.class),
                row.getString("request"),
                row.getString("result"),
                row.getString("ruleset_name"),
                row.getString("ruleset_version"),
                row.getString("ruleset_digest"),
                row.getObject("as_of", LocalDate.class),
                row.getString("external_reference"),
                row.getString("client_id"),
                row.getString("source_format"),
                instant(row, "evaluated_at"),
                row.getString("record_kind"),
                row.getString("clinic_id"));
        return new ChainHash.Content(row.getString("chain_id"), row.getLong("seq"), row.getString("prev_hash"), entry,
                instant(row, "recorded_at"));
    }

    /** The end of the chain: its last record, else the anchor left by the last purge, else genesis. */
    static Head head(Connection connection, String chainId) throws SQLException {
        Optional<Head> last = lastOf(connection, "SELECT seq, hash FROM audit_record WHERE chain_id = ? "
                + "ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY", chainId);
        if (last.isPresent()) {
            return last.get();
        }
        return anchor(connection, chainId).orElse(Head.GENESIS);
    }

    static Optional<Head> anchor(Connection connection, String chainId) throws SQLException {
        return lastOf(connection, "SELECT seq, hash FROM audit_anchor WHERE chain_id = ? "
                + "ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY", chainId);
    }

    static Optional<AuditEntry> find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM audit_record WHERE screening_id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(readContent(row).entry()) : Optional.empty();
            }
        }
    }

    static Optional<String> findResult(Connection connection, UUID screeningId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT result FROM audit_record WHERE screening_id = ?")) {
            query.setObject(1, screeningId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    static List<String> chainIds(Connection connection) throws SQLException {
        List<String> chains = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT chain_id FROM audit_record UNION SELECT chain_id FROM audit_anchor ORDER BY 1");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                chains.add(rows.getString(1));
            }
        }
        return chains;
    }

    /**
     * Deletes one chain's records recorded before {@code cutoff}, oldest first and without gaps, and anchors the
     * chain at the last deleted record, in the caller's transaction.
     */
    static Purged purge(Connection connection, String chainId, Instant cutoff, Instant now) throws SQLException {
        Optional<Head> lastExpired;
        // Deleting up to the newest expired sequence keeps the remaining chain contiguous even if the clock
        // stepped back between batches.
        try (PreparedStatement query = connection.prepareStatement("SELECT seq, hash FROM audit_record "
                + "WHERE chain_id = ? AND recorded_at < ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")) {
            query.setString(1, chainId);
            query.setObject(2, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            try (ResultSet row = query.executeQuery()) {
                lastExpired = row.next() ? Optional.of(new Head(row.getLong(1), row.getString(2))) : Optional.empty();
            }
        }
        if (lastExpired.isEmpty()) {
            return new Purged(chainId, 0, -1);
        }
        Head anchor = lastExpired.get();
        long deleted;
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM audit_record WHERE chain_id = ? AND seq <= ?")) {
            delete.setString(1, chainId);
            delete.setLong(2, anchor.seq());
            deleted = delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_anchor "
                + "(chain_id, seq, hash, purged_records, cutoff, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, chainId);
            insert.setLong(2, anchor.seq());
            insert.setString(3, anchor.hash());
            insert.setLong(4, deleted);
            insert.setObject(5, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            insert.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return new Purged(chainId, deleted, anchor.seq());
    }

    private static Optional<Head> lastOf(Connection connection, String sql, String chainId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, chainId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Head(row.getLong(1), row.getString(2))) : Optional.empty();
            }
        }
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void setNullableString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
