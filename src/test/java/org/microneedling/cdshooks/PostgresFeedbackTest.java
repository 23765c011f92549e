package org.microneedling.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Properties;
import java.util.UUID;

import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.AuditStore;
import org.microneedling.audit.jdbc.JdbcAuditStore;
import org.microneedling.audit.jdbc.TestDatabases;

/** Feedback on PostgreSQL (from {@code source .ci/postgres.sh}; skipped without it on a workstation). */
class PostgresFeedbackTest extends FeedbackAuditContract {

    private AuditSettings settings;

    @Override
    protected AuditStore openStore() {
        settings = TestDatabases.postgres();
        return JdbcAuditStore.open(settings);
    }

    @Override
    protected void replaceInStoredResult(UUID id, String from, String to) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", settings.username());
        properties.setProperty("password", settings.password() == null ? "" : settings.password());
        try (Connection connection = new org.postgresql.Driver().connect(settings.jdbcUrl(), properties);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE audit_record SET result = replace(result, ?, ?) WHERE screening_id = ?")) {
            update.setString(1, from);
            update.setString(2, to);
            update.setObject(3, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
