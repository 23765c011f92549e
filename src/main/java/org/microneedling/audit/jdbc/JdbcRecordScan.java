package org.microneedling.audit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.RecordQuery;
import org.microneedling.common.ClinicId;

/**
 * Streams the records a {@link RecordQuery} asks for, in row id order, through a forward-only cursor: PostgreSQL
 * uses a server-side cursor only with a fetch size inside a transaction, H2 only with lazy query execution; without
 * either, a replay of a large trail would hold all of it in memory.
 */
final class JdbcRecordScan {

    static final int FETCH_SIZE = 500;

    private JdbcRecordScan() {
    }

    /** The last row id streamed, or {@code query.afterPosition()} when none matched. */
    static long scan(Connection connection, AuditDatabase.Engine engine, RecordQuery query, Consumer<AuditEntry> each)
            throws SQLException {
        if (query.kinds() != null && query.kinds().isEmpty()) {
            return query.afterPosition();
        }
        List<Object> parameters = new ArrayList<>();
        String sql = sql(query, parameters);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        lazy(connection, engine, true);
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            long position = query.afterPosition();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    position = row.getLong("id");
                    each.accept(AuditTables.readContent(row).entry());
                }
            }
            return position;
        } finally {
            connection.rollback();
            lazy(connection, engine, false);
            connection.setReadOnly(false);
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The query; the time range is first narrowed on {@code recorded_at}, which is indexed and follows
     * {@code evaluated_at} within {@link RecordQuery#RECORDING_MARGIN}, then applied exactly on {@code evaluated_at}.
     */
    static String sql(RecordQuery query, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("SELECT ").append(AuditTables.COLUMNS)
                .append(" FROM audit_record WHERE id > ?");
        parameters.add(query.afterPosition());
        if (query.kinds() != null) {
            String placeholders = String.join(", ", query.kinds().stream().map(k -> "?").toList());
            parameters.addAll(query.kinds());
            if (query.includesScreenings()) {
                sql.append(" AND (record_kind IN (").append(placeholders).append(") OR record_kind IS NULL)");
            } else {
                // Spelled out so that PostgreSQL sees the query fits the partial index of workflow records.
                sql.append(" AND record_kind <> '").append(AuditEntry.SCREENING).append("' AND record_kind IN (")
                        .append(placeholders).append(')');
            }
        }
        if (query.clinicId() != null) {
            sql.append(ClinicId.DEFAULT.equals(query.clinicId())
                    ? " AND (clinic_id = ? OR clinic_id IS NULL)"
                    : " AND clinic_id = ?");
            parameters.add(query.clinicId());
        }
        if (query.evaluatedFrom() != null) {
            sql.append(" AND recorded_at >= ? AND evaluated_at >= ?");
            parameters.add(timestamp(query.recordedFrom()));
            parameters.add(timestamp(query.evaluatedFrom()));
        }
        if (query.evaluatedBefore() != null) {
            sql.append(" AND recorded_at < ? AND evaluated_at < ?");
            parameters.add(timestamp(query.recordedBefore()));
            parameters.add(timestamp(query.evaluatedBefore()));
        }
        return sql.append(" ORDER BY id").toString();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void lazy(Connection connection, AuditDatabase.Engine engine, boolean on) throws SQLException {
        if (engine != AuditDatabase.Engine.H2) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }
}
