package org.microneedling.audit.jdbc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microneedling.audit.AuditEntries;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.DecisionLog;
import org.microneedling.common.ProblemException;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Stops the real PostgreSQL in the middle of traffic and starts it again: nothing hangs, every append is either
 * committed or refused with 503, readiness follows the store, liveness does not, and the service recovers alone.
 */
@QuarkusTest
@TestProfile(PostgresOutageTest.OnPostgres.class)
class PostgresOutageTest {

    public static class OnPostgres implements QuarkusTestProfile {

        private static AuditSettings database;

        @Override
        public Map<String, String> getConfigOverrides() {
            if (!TestDatabases.postgresConfigured()) {
                return Map.of();
            }
            synchronized (OnPostgres.class) {
                if (database == null) {
                    database = TestDatabases.postgres();
                }
            }
            return Map.of("audit.db.url", database.jdbcUrl(), "audit.db.username", database.username(),
                    "audit.db.password", database.password());
        }
    }

    private record Outcome(UUID screeningId, boolean committed, Duration took) {
    }

    @Inject
    DecisionLog decisionLog;

    @BeforeEach
    void requireAControllableServer() {
        TestDatabases.requirePgCtl();
    }

    @Test
    void stopInTheMiddleOfTrafficThenRecover() throws Exception {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        boolean stopped = false;
        try {
            for (int i = 0; i < 8; i++) {
                clients.submit(() -> {
                    while (running.get()) {
                        AuditEntry entry = AuditEntries.entry();
                        long start = System.nanoTime();
                        try {
                            decisionLog.append(List.of(entry));
                            outcomes.add(new Outcome(entry.screeningId(), true, since(start)));
                        } catch (ProblemException e) {
                            if (e.problem().status() != 503 || !"1".equals(e.headers().get("Retry-After"))) {
                                unexpected.add(e);
                            }
                            outcomes.add(new Outcome(entry.screeningId(), false, since(start)));
                            sleep(20);
                        } catch (RuntimeException e) {
                            unexpected.add(e);
                        }
                    }
                });
            }
            sleep(1000);
            TestDatabases.stopPostgres();
            stopped = true;
            long stoppedAt = outcomes.size();

            sleep(500);
            given().when().get("/q/health/ready").then().statusCode(503);
            given().when().get("/q/health/live").then().statusCode(200);
            sleep(1500);
            List<Outcome> duringOutage;
            // A sub-list of a synchronized list is not synchronized itself: the clients are still adding.
            synchronized (outcomes) {
                duringOutage = List.copyOf(outcomes.subList((int) stoppedAt, outcomes.size()));
            }

            TestDatabases.startPostgres();
            stopped = false;
            awaitReady();
            int before = outcomes.size();
            awaitCommitAfter(outcomes, before);
            sleep(500);
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).as("no client hangs").isTrue();

            assertThat(unexpected).as("only commits and 503s").isEmpty();
            assertThat(duringOutage).as("refused during the outage").anyMatch(o -> !o.committed());
            assertThat(outcomes.subList(before, outcomes.size())).as("committed again after restart")
                    .anyMatch(Outcome::committed);
            Duration slowest = outcomes.stream().map(Outcome::took).max(Duration::compareTo).orElseThrow();
            assertThat(slowest).as("slowest answer").isLessThan(Duration.ofSeconds(3));
            List<Outcome> refused = outcomes.stream().filter(o -> !o.committed()).toList();
            System.out.printf("outage: %d appends, %d refused with 503, slowest answer %d ms, slowest 503 %d ms%n",
                    outcomes.size(), refused.size(), slowest.toMillis(),
                    refused.stream().map(Outcome::took).max(Duration::compareTo).orElseThrow().toMillis());

            for (Outcome outcome : outcomes) {
                if (outcome.committed()) {
                    given().when().get("/api/v1/screenings/{id}", outcome.screeningId()).then().statusCode(200);
                }
            }
            given().when().get("/api/v1/audit/verification").then().statusCode(200)
                    .body("intact", org.hamcrest.Matchers.equalTo(true));
        } finally {
            running.set(false);
            clients.shutdownNow();
            if (stopped) {
                TestDatabases.startPostgres();
            }
        }
    }

    private static void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (given().when().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("readiness did not come back within 20 s of the restart");
    }

    private static void awaitCommitAfter(List<Outcome> outcomes, int index) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (outcomes) {
                if (outcomes.subList(index, outcomes.size()).stream().anyMatch(Outcome::committed)) {
                    return;
                }
            }
            sleep(100);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
