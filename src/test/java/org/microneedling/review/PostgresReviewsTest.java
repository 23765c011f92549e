package org.microneedling.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.jdbc.JdbcAuditStore;

/**
 * Two instances on one PostgreSQL database (from {@code source .ci/postgres.sh}): each sees what the other recorded,
 * reviews of one screening from both end in one order on both, a new instance reads everything, and a changed or
 * deleted review row fails verification.
 */
class PostgresReviewsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);

    private AuditSettings settings;
    private JdbcAuditStore storeA;
    private JdbcAuditStore storeB;
    private ReviewFixtures.StoreLog logA;
    private ReviewFixtures.StoreLog logB;
    private ReviewIndex indexA;
    private ReviewIndex indexB;

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        settings = newDatabase();
        storeA = JdbcAuditStore.open(settings.withChainId("instance-a"));
        storeB = JdbcAuditStore.open(settings.withChainId("instance-b"));
        logA = new ReviewFixtures.StoreLog(storeA);
        logB = new ReviewFixtures.StoreLog(storeB);
        indexA = ReviewFixtures.index(logA);
        indexB = ReviewFixtures.index(logB);
    }

    /** Whatever was opened: without a database the test is skipped before anything is. */
    @AfterEach
    void stop() {
        for (ReviewIndex index : new ReviewIndex[] { indexA, indexB }) {
            if (index != null) {
                index.stop();
            }
        }
        for (JdbcAuditStore store : new JdbcAuditStore[] { storeA, storeB }) {
            if (store != null) {
                store.close();
            }
        }
    }

    private AuditEntry referral(ReviewFixtures.StoreLog log, String patient) {
        AuditEntry referral = ReviewFixtures.screening("lakeside", "REFER_TO_PROVIDER", patient, AS_OF,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        log.append(List.of(referral));
        return referral;
    }

    private static Review review(ReviewIndex index, ReviewFixtures.StoreLog log, UUID screeningId, String why) {
        return ReviewFixtures.service(index, log).review(ReviewFixtures.PROVIDER, screeningId,
                ReviewFixtures.cleared(why), "{}", ReviewFixtures.ENGLISH).toCompletableFuture().join().review();
    }

    @Test
    void aScreeningRecordedByAnotherInstanceCanBeReviewedAtOnceAndTheReviewReachesEveryInstance() {
        AuditEntry referral = referral(logA, "pt-shared-1");

        Review cleared = review(indexB, logB, referral.screeningId(), "seen on B first");

        assertThat(indexB.clinic("lakeside").reviews(referral.screeningId())).containsExactly(cleared);
        await(() -> indexA.clinic("lakeside").reviews(referral.screeningId()).contains(cleared));
        await(() -> indexB.clinic("lakeside").latestOfPatient("pt-shared-1").isPresent());
        assertThat(indexA.page("lakeside", QueueFilter.CLEARED, null, 50).items())
                .extracting(ScreeningFacts::screeningId).containsExactly(referral.screeningId());
    }

    @Test
    void reviewsFromTwoInstancesAtTheSameMomentEndInOneOrderOnBoth() {
        AuditEntry referral = referral(logA, "pt-shared-2");
        await(() -> indexB.clinic("lakeside").cached(referral.screeningId()).isPresent());

        for (int round = 0; round < 5; round++) {
            CompletableFuture<Review> fromA = CompletableFuture.supplyAsync(
                    () -> review(indexA, logA, referral.screeningId(), "from A"));
            CompletableFuture<Review> fromB = CompletableFuture.supplyAsync(
                    () -> review(indexB, logB, referral.screeningId(), "from B"));
            fromA.join();
            fromB.join();
        }

        await(() -> indexA.clinic("lakeside").reviews(referral.screeningId()).size() == 10
                && indexB.clinic("lakeside").reviews(referral.screeningId()).size() == 10);
        assertThat(indexA.clinic("lakeside").reviews(referral.screeningId()))
                .isEqualTo(indexB.clinic("lakeside").reviews(referral.screeningId()))
                .isSortedAccordingTo(Review.RECORDED_ORDER);
    }

    @Test
    void aNewInstanceReadsEveryScreeningAndReviewFromTheDatabase() {
        AuditEntry referral = referral(logA, "pt-shared-3");
        Review cleared = review(indexA, logA, referral.screeningId(), "before the restart");

        try (JdbcAuditStore store = JdbcAuditStore.open(settings.withChainId("instance-c"))) {
            ReviewIndex fresh = ReviewFixtures.index(new ReviewFixtures.StoreLog(store));
            assertThat(fresh.clinic("lakeside").reviews(referral.screeningId())).containsExactly(cleared);
            assertThat(fresh.clinic("lakeside").latestOfPatient("pt-shared-3")).isPresent();
            fresh.stop();
        }
    }

    @Test
    void aChangedReviewRowFailsVerification() throws SQLException {
        AuditEntry referral = referral(logA, "pt-shared-4");
        Review cleared = review(indexA, logA, referral.screeningId(), "cover arranged");
        assertThat(storeA.verify("lakeside").intact()).isTrue();

        update("UPDATE audit_record SET result = replace(result, 'CLEARED', 'DECLINED') WHERE screening_id = ?",
                cleared.reviewId());

        assertThat(storeA.verify("lakeside").intact()).isFalse();
    }

    @Test
    void aDeletedReviewRowFailsVerification() throws SQLException {
        AuditEntry referral = referral(logA, "pt-shared-5");
        Review cleared = review(indexA, logA, referral.screeningId(), "cover arranged");
        referral(logA, "pt-shared-6");
        assertThat(storeA.verify("lakeside").intact()).isTrue();

        update("DELETE FROM audit_record WHERE screening_id = ?", cleared.reviewId());

        assertThat(storeA.verify("lakeside").intact()).isFalse();
    }

    private void update(String sql, UUID id) throws SQLException {
        try (Connection connection = connect(settings.jdbcUrl());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not seen within 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** A new, empty database on the test server; skipped without one on a workstation, failed on CI. */
    private static AuditSettings newDatabase() {
        String url = System.getenv("AUDIT_TEST_PG_URL");
        if (url == null) {
            if (System.getenv("CI") != null) {
                fail("AUDIT_TEST_PG_URL is not set on CI: run `source .ci/postgres.sh` before the tests");
            }
            assumeTrue(false, "AUDIT_TEST_PG_URL not set (source .ci/postgres.sh); PostgreSQL tests skipped");
        }
        String name = "reviews_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = connect(url); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + url, e);
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String database = base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : url.substring(query));
        return AuditSettings.forUrl(database, user(), password());
    }

    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user());
        properties.setProperty("password", password());
        return new org.postgresql.Driver().connect(url, properties);
    }

    private static String user() {
        return System.getenv().getOrDefault("AUDIT_TEST_PG_USER", "postgres");
    }

    private static String password() {
        return System.getenv().getOrDefault("AUDIT_TEST_PG_PASSWORD", "");
    }
}
