package org.microneedling.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.microneedling.audit.AuditEntries;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditRecords;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.AuditStore;
import org.microneedling.audit.ChainHash;
import org.microneedling.audit.RecordQuery;
import org.microneedling.audit.Verification;
import org.microneedling.common.ClinicId;

/**
 * A database that an earlier release wrote (its schema before version 3, rows without kind or clinic) keeps verifying after the
 * migration to record kinds and clinics, and its chain goes on with records of the new format.
 */
class LegacyRecordsMigrationTest {

    /** The INSERT of the releases before record kinds and clinics. */
    private static final String LEGACY_INSERT = """
            INSERT INTO audit_record (chain_id, seq, screening_id, request, result, ruleset_name, ruleset_version,
                ruleset_digest, as_of, external_reference, client_id, source_format, evaluated_at, recorded_at,
                prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    @Test
    void legacyRowsOnH2StillVerifyAfterTheMigration() throws SQLException {
        legacyRowsStillVerifyAfterTheMigration(TestDatabases.h2Memory(), "1");
    }

    @Test
    void legacyRowsOnPostgresStillVerifyAfterTheMigration() throws SQLException {
        legacyRowsStillVerifyAfterTheMigration(TestDatabases.postgres(), "2");
    }

    /** @param lastVersion the last migration of the engine before record kinds and clinics */
    private static void legacyRowsStillVerifyAfterTheMigration(AuditSettings settings, String lastVersion)
            throws SQLException {
        List<UUID> legacy = writeAsAnEarlierRelease(settings, lastVersion, 3);

        try (AuditStore store = JdbcAuditStore.open(settings)) {
            Verification migrated = store.verify();
            assertThat(migrated.intact()).isTrue();
            assertThat(migrated.records()).isEqualTo(3);

            AuditEntry policy = AuditEntries.record("policy", "clinic-a", Instant.now());
            AuditEntry screening = AuditEntries.entry(AuditEntries.timeOrderedId());
            store.append(List.of(policy, screening));

            Verification continued = store.verify();
            assertThat(continued.intact()).isTrue();
            assertThat(continued.chains()).singleElement().extracting(Verification.Chain::lastSequence)
                    .isEqualTo(5L);
            assertThat(store.verify(ClinicId.DEFAULT).records()).isEqualTo(4);
            assertThat(store.verify("clinic-a").records()).isEqualTo(1);
            List<UUID> screeningsOfDefault = new ArrayList<>();
            store.scan(RecordQuery.of(Set.of(AuditEntry.SCREENING), ClinicId.DEFAULT),
                    entry -> screeningsOfDefault.add(entry.screeningId()));
            List<UUID> expected = new ArrayList<>(legacy);
            expected.add(screening.screeningId());
            assertThat(screeningsOfDefault).isEqualTo(expected);
            assertThat(store.find(legacy.get(0))).get().satisfies(entry -> {
                assertThat(entry.kind()).isNull();
                assertThat(entry.clinicId()).isNull();
            });
        }
    }

    /** The schema and {@code count} rows as the releases before record kinds and clinics left them. */
    private static List<UUID> writeAsAnEarlierRelease(AuditSettings settings, String lastVersion, int count)
            throws SQLException {
        List<UUID> ids = new ArrayList<>();
        // The first connection to a database not yet open (H2 starting in this JVM) can take longer than the pool
        // waits for one; a direct connection has no such limit.
        TestDatabases.connect(settings).close();
        try (AuditDatabase database = AuditDatabase.open(settings)) {
            database.migrateTo(lastVersion);
            try (Connection connection = database.connection();
                    PreparedStatement insert = connection.prepareStatement(LEGACY_INSERT)) {
                String prevHash = ChainHash.GENESIS;
                Instant recordedAt = ChainHash.storable(Instant.now().minus(1, ChronoUnit.DAYS));
                for (int seq = 1; seq <= count; seq++) {
                    AuditEntry legacy = AuditEntries.withoutOptionalFields();
                    ChainHash.Content content = AuditRecords.content(settings.chainId(), seq, prevHash, legacy,
                            recordedAt);
                    String hash = ChainHash.hash(content);
                    AuditEntry stored = content.entry();
                    insert.setString(1, settings.chainId());
                    insert.setLong(2, seq);
                    insert.setObject(3, stored.screeningId());
                    insert.setString(4, stored.request());
                    insert.setString(5, stored.result());
                    for (int column = 6; column <= 12; column++) {
                        insert.setObject(column, null);
                    }
                    insert.setObject(13, OffsetDateTime.ofInstant(stored.evaluatedAt(), ZoneOffset.UTC));
                    insert.setObject(14, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC));
                    insert.setString(15, prevHash);
                    insert.setString(16, hash);
                    insert.executeUpdate();
                    ids.add(stored.screeningId());
                    prevHash = hash;
                }
            }
        }
        return ids;
    }
}
