package org.microneedling.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microneedling.audit.AuditEntries;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditSettings;

class PostgresAuditStoreTest extends AuditStoreContract {

    @Override
    AuditSettings newSettings() {
        return TestDatabases.postgres();
    }

    /** A real-sized record (over the 2 KB where PostgreSQL would compress or move values) stays in its row as sent. */
    @Test
    void recordsOfTheUsualSizeStayInTheirRowUncompressed() throws SQLException {
        AuditEntry entry = AuditEntries.entry();
        AuditEntry large = new AuditEntry(entry.screeningId(), entry.request() + " ".repeat(1200),
                entry.result() + " ".repeat(1200), entry.rulesetName(), entry.rulesetVersion(), entry.rulesetDigest(),
                entry.asOf(), entry.externalReference(), entry.clientId(), entry.sourceFormat(), entry.evaluatedAt(),
                entry.kind(), entry.clinicId());
        store.append(List.of(large));

        try (Connection connection = TestDatabases.connect(settings);
                PreparedStatement query = connection.prepareStatement("SELECT pg_column_size(r.*) AS row_bytes, "
                        + "pg_column_size(result) AS stored, octet_length(result) AS sent, "
                        + "(SELECT reloptions FROM pg_class WHERE relname = 'audit_record')::text AS options "
                        + "FROM audit_record r WHERE screening_id = ?")) {
            query.setObject(1, large.screeningId());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt("row_bytes")).isGreaterThan(2100);
                assertThat(row.getInt("stored")).as("stored as sent, not compressed").isGreaterThanOrEqualTo(
                        row.getInt("sent"));
                assertThat(row.getString("options")).contains("toast_tuple_target=8160");
            }
        }
    }
}
