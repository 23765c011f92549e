package org.microneedling.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microneedling.audit.AuditEntries;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditRecords;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.AuditStore;
import org.microneedling.audit.ChainHash;
import org.microneedling.audit.GroupCommitWriter;
import org.microneedling.audit.Verification;

/**
 * What every engine must do. Each subclass runs the same tests on a real database: H2 in memory, an H2 file,
 * PostgreSQL.
 */
abstract class AuditStoreContract {

    AuditSettings settings;
    AuditStore store;

    abstract AuditSettings newSettings();

    @BeforeEach
    void openStore() {
        settings = newSettings();
        store = JdbcAuditStore.open(settings);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void appendedResultReadsBackExactly() {
        AuditEntry entry = AuditEntries.entry();

        store.append(List.of(entry));

        assertThat(store.findResult(entry.screeningId())).contains(entry.result());
    }

    @Test
    void unknownScreeningIdIsEmpty() {
        assertThat(store.findResult(UUID.randomUUID())).isEmpty();
    }

    @Test
    void everyStoredFieldIsKeptAsGiven() throws SQLException {
        AuditEntry entry = AuditEntries.entry();
        store.append(List.of(entry, AuditEntries.withoutOptionalFields()));

        try (Connection connection = TestDatabases.connect(settings);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT * FROM audit_record WHERE screening_id = ?")) {
            query.setObject(1, entry.screeningId());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("request")).isEqualTo(entry.request());
                assertThat(row.getString("ruleset_name")).isEqualTo(entry.rulesetName());
                assertThat(row.getString("ruleset_version")).isEqualTo(entry.rulesetVersion());
                assertThat(row.getString("ruleset_digest")).isEqualTo(entry.rulesetDigest());
                assertThat(row.getObject("as_of", java.time.LocalDate.class)).isEqualTo(entry.asOf());
                assertThat(row.getString("external_reference")).isEqualTo(entry.externalReference());
                assertThat(row.getString("client_id")).isNull();
                assertThat(row.getString("source_format")).isEqualTo("json");
                assertThat(row.getObject("evaluated_at", java.time.OffsetDateTime.class).toInstant())
                        .isEqualTo(Instant.parse("2026-11-25T10:15:30.123456Z"));
                assertThat(row.getString("chain_id")).isEqualTo(settings.chainId());
            }
        }
    }

    @Test
    void batchIsAllOrNothing() {
        AuditEntry first = AuditEntries.entry();
        AuditEntry duplicate = AuditEntries.entry(first.screeningId());

        assertThatThrownBy(() -> store.append(List.of(first, AuditEntries.entry(), duplicate)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.findResult(first.screeningId())).isEmpty();
        assertThat(store.verify().records()).isZero();
    }

    @Test
    void oneCallersBadEntryDoesNotFailOthersInTheSameCommit() throws Exception {
        AuditEntry existing = AuditEntries.entry();
        store.append(List.of(existing));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> good = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            Future<?> bad = pool.submit(() -> {
                start.await();
                store.append(List.of(AuditEntries.entry(existing.screeningId())));
                return null;
            });
            for (int i = 0; i < 15; i++) {
                good.add(pool.submit(() -> {
                    start.await();
                    store.append(List.of(AuditEntries.entry()));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : good) {
                future.get(10, TimeUnit.SECONDS);
            }
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.verify()).satisfies(v -> {
            assertThat(v.intact()).isTrue();
            assertThat(v.records()).isEqualTo(16);
        });
    }

    @Test
    void freshChainVerifies() {
        for (int i = 0; i < 5; i++) {
            store.append(List.of(AuditEntries.entry(), AuditEntries.entry()));
        }

        Verification verification = store.verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.records()).isEqualTo(10);
        assertThat(verification.firstBroken()).isNull();
        assertThat(verification.chains()).singleElement().satisfies(chain -> {
            assertThat(chain.chainId()).isEqualTo(settings.chainId());
            assertThat(chain.lastSequence()).isEqualTo(10);
            assertThat(chain.headHash()).hasSize(64);
        });
    }

    @Test
    void restartOnTheSameStoreContinuesRecordsAndChain() {
        AuditEntry before = AuditEntries.entry();
        store.append(List.of(before, AuditEntries.entry()));
        store.close();

        store = JdbcAuditStore.open(settings);
        AuditEntry after = AuditEntries.entry();
        store.append(List.of(after));

        assertThat(store.findResult(before.screeningId())).contains(before.result());
        assertThat(store.findResult(after.screeningId())).contains(after.result());
        Verification verification = store.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.records()).isEqualTo(3);
        assertThat(verification.chains()).singleElement().extracting(Verification.Chain::lastSequence).isEqualTo(3L);
    }

    @Test
    void concurrentAppendsShareCommits() throws Exception {
        int threads = 32;
        int perThread = 25;
        List<UUID> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = IntStream.range(0, threads).mapToObj(t -> pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    AuditEntry entry = AuditEntries.entry();
                    store.append(List.of(entry));
                    ids.add(entry.screeningId());
                }
                return null;
            })).<Future<?>>map(f -> f).toList();
            long before = store.stats().commits();
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
            GroupCommitWriter.Stats stats = store.stats();
            long commits = stats.commits() - before;
            assertThat(stats.records()).isEqualTo(threads * perThread);
            assertThat(commits).as("commits for %d entries", threads * perThread).isLessThan(threads * perThread / 2);
            System.out.printf("group commit on %s: %d entries in %d commits%n", store.engine(), threads * perThread,
                    commits);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(threads * perThread).allSatisfy(id -> assertThat(store.findResult(id)).isPresent());
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void asynchronousAppendsCompleteOnceCommittedWithoutAThreadWaitingForEach() throws Exception {
        int count = 500;
        List<AuditEntry> entries = IntStream.range(0, count).mapToObj(i -> AuditEntries.entry()).toList();
        long before = store.stats().commits();

        List<java.util.concurrent.CompletableFuture<Void>> pending = entries.stream()
                .map(entry -> store.appendAsync(List.of(entry)).toCompletableFuture()).toList();
        for (java.util.concurrent.CompletableFuture<Void> commit : pending) {
            commit.get(60, TimeUnit.SECONDS);
        }

        GroupCommitWriter.Stats stats = store.stats();
        assertThat(stats.records()).isEqualTo(count);
        assertThat(stats.commits() - before).as("commits for %d queued entries", count).isLessThan(count / 2);
        assertThat(entries).allSatisfy(entry -> assertThat(store.findResult(entry.screeningId()))
                .contains(entry.result()));
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void changedContentIsReportedAtThatRecord() throws SQLException {
        Verification.Break broken = firstBreakAfter("UPDATE audit_record SET result = '{\"outcome\":\"ELIGIBLE\"}' "
                + "WHERE seq = 4");

        assertThat(broken.sequence()).isEqualTo(4);
        assertThat(broken.id()).isNotNull();
        assertThat(broken.reason()).contains("modified");
    }

    @Test
    void rehashedRecordIsReportedAtTheNextLink() throws SQLException {
        Verification.Break broken = firstBreakAfter("UPDATE audit_record SET as_of = DATE '2020-01-01', hash = '"
                + "a".repeat(64) + "' WHERE seq = 3");
        assertThat(broken.sequence()).isEqualTo(3);

        execute("UPDATE audit_record SET hash = '" + recomputedHash(3) + "' WHERE seq = 3");

        Verification verification = store.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken().sequence()).isEqualTo(4);
        assertThat(verification.firstBroken().reason()).contains("previous-hash link");
    }

    @Test
    void deletedRecordIsReported() throws SQLException {
        Verification.Break broken = firstBreakAfter("DELETE FROM audit_record WHERE seq = 2");

        assertThat(broken.sequence()).isEqualTo(2);
        assertThat(broken.reason()).contains("record 2 is missing");
    }

    @Test
    void deletedNewestRecordsAreReportedByTheInstanceThatWroteThem() throws SQLException {
        Verification.Break broken = firstBreakAfter("DELETE FROM audit_record WHERE seq >= 5");

        assertThat(broken.sequence()).isEqualTo(5);
        assertThat(broken.reason()).contains("missing");
    }

    /** Six records, one commit each, then {@code sql} behind the store's back: where verification says it breaks. */
    private Verification.Break firstBreakAfter(String sql) throws SQLException {
        appendOneByOne(6);
        execute(sql);
        Verification verification = store.verify();
        assertThat(verification.intact()).isFalse();
        return verification.firstBroken();
    }

    @Test
    void purgeKeepsTheRestVerifiableAndTheChainGoingOn() throws Exception {
        appendOneByOne(4);
        Thread.sleep(20);
        Instant cutoff = Instant.now();
        Thread.sleep(20);
        AuditEntry kept = AuditEntries.entry();
        store.append(List.of(kept, AuditEntries.entry()));

        List<AuditRecords.Purged> purged = store.purge(cutoff);

        assertThat(purged).singleElement().satisfies(p -> {
            assertThat(p.records()).isEqualTo(4);
            assertThat(p.anchorSeq()).isEqualTo(4);
        });
        Verification verification = store.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.records()).isEqualTo(2);
        assertThat(verification.chains()).singleElement().extracting(Verification.Chain::anchorSequence)
                .isEqualTo(4L);
        assertThat(store.findResult(kept.screeningId())).contains(kept.result());

        store.append(List.of(AuditEntries.entry()));
        assertThat(store.verify().intact()).isTrue();
        assertThat(store.purge(cutoff)).singleElement().extracting(AuditRecords.Purged::records).isEqualTo(0L);
    }

    @Test
    void chainContinuesFromItsAnchorWhenEverythingWasPurged() throws Exception {
        appendOneByOne(3);
        Thread.sleep(5);

        store.purge(Instant.now());
        store.close();
        store = JdbcAuditStore.open(settings);
        store.append(List.of(AuditEntries.entry()));

        Verification verification = store.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.chains()).singleElement().satisfies(chain -> {
            assertThat(chain.anchorSequence()).isEqualTo(3);
            assertThat(chain.lastSequence()).isEqualTo(4);
        });
    }

    @Test
    void firstRecordAfterAnAnchorMustLinkToIt() throws Exception {
        appendOneByOne(3);
        Thread.sleep(5);
        Instant cutoff = Instant.now();
        Thread.sleep(5);
        appendOneByOne(2);
        store.purge(cutoff);

        execute("DELETE FROM audit_record WHERE seq = 4");

        Verification verification = store.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken().sequence()).isEqualTo(4);
    }

    @Test
    void instancesSharingADatabaseKeepTheirOwnChains() throws Exception {
        try (AuditStore other = JdbcAuditStore.open(settings.withChainId("instance-b"))) {
            appendFromEightThreads(store, other, false);

            Verification verification = store.verify();
            assertThat(verification.intact()).isTrue();
            assertThat(verification.records()).isEqualTo(160);
            assertThat(verification.chains()).extracting(Verification.Chain::chainId)
                    .containsExactly("instance-b", settings.chainId());
        }
    }

    @Test
    void twoWritersOnOneChainNeverForkIt() throws Exception {
        try (AuditStore twin = JdbcAuditStore.open(settings)) {
            List<UUID> committed = appendFromEightThreads(store, twin, true);

            Verification verification = store.verify();
            assertThat(verification.intact()).isTrue();
            assertThat(verification.records()).isEqualTo(committed.size()).isGreaterThan(0);
        }
    }

    /**
     * Eight threads append 20 records each, half of them through each store; returns the ids committed.
     *
     * @param lostRacesAllowed whether a store may refuse an append because the other extended the same chain first
     */
    private static List<UUID> appendFromEightThreads(AuditStore one, AuditStore other, boolean lostRacesAllowed)
            throws Exception {
        List<UUID> committed = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                AuditStore target = i % 2 == 0 ? one : other;
                futures.add(pool.submit(() -> {
                    for (int j = 0; j < 20; j++) {
                        AuditEntry entry = AuditEntries.entry();
                        try {
                            target.append(List.of(entry));
                            committed.add(entry.screeningId());
                        } catch (IllegalStateException lostRace) {
                            // A writer that keeps losing the race for the same chain is refused, never forked.
                            if (!lostRacesAllowed) {
                                throw lostRace;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return committed;
    }

    @Test
    void schemaHasNoColumnForNamesOrContactData() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = TestDatabases.connect(settings);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM audit_record WHERE 1 = 0")) {
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                columns.add(rows.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertThat(columns).contains("screening_id", "request", "result", "hash", "prev_hash")
                .noneMatch(c -> c.contains("name") && !c.equals("ruleset_name"))
                .noneMatch(c -> c.contains("email") || c.contains("phone") || c.contains("address")
                        || c.contains("birth"));
    }

    void appendOneByOne(int count) {
        for (int i = 0; i < count; i++) {
            store.append(List.of(AuditEntries.entry()));
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabases.connect(settings);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private String recomputedHash(long seq) throws SQLException {
        try (Connection connection = TestDatabases.connect(settings);
                PreparedStatement query = connection.prepareStatement(
                        AuditTables.SELECT_CHAIN.replace("ORDER BY seq", "AND seq = ?"))) {
            query.setString(1, settings.chainId());
            query.setLong(2, seq);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return ChainHash.hash(AuditTables.readContent(row));
            }
        }
    }
}
