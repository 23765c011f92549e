package org.microneedling.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Two packaged instances, each with its own hash chain ({@code audit.chain-id}), share one real PostgreSQL
 * (from {@code source .ci/postgres.sh}) under concurrent load. Afterwards the audit holds exactly the screenings
 * that were answered 200, each once, on the chain of the instance that answered it, and both instances report
 * every chain intact. bench/scale-out.sh runs the same check with wrk for longer.
 */
class ScaleOutIT {

    private static final Duration LOAD = Duration.ofSeconds(8);
    private static final int CLIENTS_PER_INSTANCE = 8;
    private static final Pattern SCREENING_ID = Pattern.compile("\"screeningId\":\"([0-9a-f-]{36})\"");

    @Test
    void twoInstancesOnOnePostgresLoseAndDuplicateNothing() throws Exception {
        String url = System.getenv("AUDIT_TEST_PG_URL");
        if (url == null && System.getenv("CI") != null) {
            fail("AUDIT_TEST_PG_URL is not set on CI: run `source .ci/postgres.sh` before the tests");
        }
        assumeTrue(url != null, "needs PostgreSQL: source .ci/postgres.sh");
        String user = Optional.ofNullable(System.getenv("AUDIT_TEST_PG_USER")).orElse("postgres");
        String database = "scale_out_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String scaleOutUrl = createDatabase(url, user, database);

        Map<String, List<String>> answeredByChain = new HashMap<>();
        AtomicInteger failures = new AtomicInteger();
        try (PackagedService a = PackagedService.start("instance-a", properties(scaleOutUrl, user, "instance-a"));
                PackagedService b = PackagedService.start("instance-b", properties(scaleOutUrl, user, "instance-b"))) {
            HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            a.awaitReady(probe);
            b.awaitReady(probe);

            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentLinkedQueue<String> idsA = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> idsB = new ConcurrentLinkedQueue<>();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS_PER_INSTANCE; i++) {
                clients.add(started(() -> post(a, stop, idsA, failures)));
                clients.add(started(() -> post(b, stop, idsB, failures)));
            }
            Thread.sleep(LOAD.toMillis());
            stop.set(true);
            for (Thread client : clients) {
                client.join(30_000);
            }
            answeredByChain.put("instance-a", new ArrayList<>(idsA));
            answeredByChain.put("instance-b", new ArrayList<>(idsB));

            for (PackagedService instance : List.of(a, b)) {
                HttpResponse<String> verification = probe.send(instance.authorized("/api/v1/audit/verification").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(verification.statusCode()).isEqualTo(200);
                assertThat(verification.body()).contains("\"intact\":true")
                        .contains("\"chainId\":\"instance-a\"").contains("\"chainId\":\"instance-b\"");
            }
        }

        int answered = answeredByChain.values().stream().mapToInt(List::size).sum();
        System.out.printf("Scale-out test: %d screenings answered 200 (%d by instance-a, %d by instance-b), "
                + "%d failed requests%n", answered, answeredByChain.get("instance-a").size(),
                answeredByChain.get("instance-b").size(), failures.get());
        assertThat(failures.get()).as("failed requests").isZero();
        assertThat(answeredByChain.get("instance-a")).isNotEmpty().doesNotHaveDuplicates();
        assertThat(answeredByChain.get("instance-b")).isNotEmpty().doesNotHaveDuplicates();

        try (Connection connection = DriverManager.getConnection(scaleOutUrl, user, "");
                Statement statement = connection.createStatement()) {
            Map<String, List<String>> recordedByChain = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT chain_id, screening_id FROM audit_record")) {
                while (rows.next()) {
                    recordedByChain.computeIfAbsent(rows.getString(1), chain -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            assertThat(recordedByChain.keySet()).containsExactlyInAnyOrder("instance-a", "instance-b");
            for (String chain : List.of("instance-a", "instance-b")) {
                assertThat(recordedByChain.get(chain)).as("records of %s", chain).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(answeredByChain.get(chain));
            }
            try (ResultSet gaps = statement.executeQuery(
                    "SELECT chain_id, COUNT(*), MIN(seq), MAX(seq) FROM audit_record GROUP BY chain_id")) {
                while (gaps.next()) {
                    assertThat(gaps.getLong(3)).as("first sequence of %s", gaps.getString(1)).isEqualTo(1);
                    assertThat(gaps.getLong(4)).as("no gap in %s", gaps.getString(1)).isEqualTo(gaps.getLong(2));
                }
            }
        }
    }

    private static Thread started(Runnable client) {
        Thread thread = new Thread(client);
        thread.start();
        return thread;
    }

    private static List<String> properties(String url, String user, String chainId) {
        return List.of("audit.db.url=" + url, "audit.db.username=" + user, "audit.chain-id=" + chainId,
                "audit.data-dir=target/scale-out-unused", "quarkus.shutdown.delay=0s");
    }

    private static void post(PackagedService service, AtomicBoolean stop, ConcurrentLinkedQueue<String> ids,
            AtomicInteger failures) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = service.screening();
        while (!stop.get()) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher id = SCREENING_ID.matcher(response.body());
                if (response.statusCode() == 200 && id.find()) {
                    ids.add(id.group(1));
                } else {
                    failures.incrementAndGet();
                }
            } catch (IOException e) {
                failures.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A fresh database on the test server, so that earlier runs' records cannot be counted. */
    private static String createDatabase(String url, String user, String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + database;
    }
}
