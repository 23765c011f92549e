package org.microneedling.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.microneedling.audit.AuditEntries;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.AuditStore;
import org.microneedling.audit.RecordKindsContract;
import org.microneedling.audit.Verification;

/** {@link RecordKindsContract} on a database, where a row's clinic can be changed on its own too. */
abstract class JdbcRecordKindsContract extends RecordKindsContract {

    AuditSettings settings;

    abstract AuditSettings newSettings();

    @Override
    protected AuditStore openStore() {
        settings = newSettings();
        return JdbcAuditStore.open(settings);
    }

    @Override
    protected void changeStoredResult(UUID id) throws SQLException {
        update("UPDATE audit_record SET result = '{\"approvedBy\":\"nobody\"}' WHERE screening_id = ?", id);
    }

    private void update(String sql, UUID id) throws SQLException {
        try (Connection connection = TestDatabases.connect(settings);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aRecordMovedToAnotherClinicBreaksTheChain() throws SQLException {
        AuditEntry policy = AuditEntries.record("policy", "clinic-a", java.time.Instant.now());
        store.append(List.of(AuditEntries.entry(), policy, AuditEntries.entry()));

        update("UPDATE audit_record SET clinic_id = 'clinic-b' WHERE screening_id = ?", policy.screeningId());

        Verification verification = store.verify("clinic-b");
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken().sequence()).isEqualTo(2);
        assertThat(verification.firstBroken().reason()).contains("modified");
    }

    @Test
    void aStoreIsSharedByEveryInstanceOnTheDatabase() {
        assertThat(store.shared()).isTrue();
    }
}
