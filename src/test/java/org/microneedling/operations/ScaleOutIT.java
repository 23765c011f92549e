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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances, each with its own hash chain ({@code audit.chain-id}), share one real PostgreSQL
 * (from {@code source .ci/postgres.sh}) under concurrent load. Afterwards the audit holds exactly the screenings
 * that were answered 200, each once, on the chain of the instance that answered it, and both instances report
 * every chain intact. bench/scale-out.sh runs the same check with wrk for longer.
 *
 * <p>Then a clinic's medical director activates a new policy version on one instance, and both decide that clinic's
 * screenings under it within 10 s (contract section 2, "Activation"), while another clinic keeps version 0.
 */
class ScaleOutIT {

    private static final Duration LOAD = Duration.ofSeconds(8);
    private static final int CLIENTS_PER_INSTANCE = 8;
    private static final Pattern SCREENING_ID = Pattern.compile("\"screeningId\":\"([0-9a-f-]{36})\"");
    /** The contract's bound for every instance on a shared database to decide under a newly activated version. */
    private static final Duration POLICY_PROPAGATION = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final PackagedService.Client NORTH_DIRECTOR = PackagedService.Client.of("north-director",
            "medical-director", "north");
    private static final PackagedService.Client NORTH_INTAKE = PackagedService.Client.of("north-intake", "screening",
            "north");
    private static final PackagedService.Client SOUTH_INTAKE = PackagedService.Client.of("south-intake", "screening",
            "south");
    private static final List<PackagedService.Client> CLIENTS = List.of(NORTH_DIRECTOR, NORTH_INTAKE, SOUTH_INTAKE);

    private static final String RECENT_RADIATION = "RECENT_RADIATION";
    /** Held back under the configured 12-month radiation window, clear under a 6-month one. */
    private static final String RECENT_RADIATION_ENDED_8_MONTHS_AGO = PackagedService.SAMPLE_QUESTIONNAIRE
            .replace("\"radiationTherapy\":\"NO\"",
                    "\"radiationTherapy\":\"YES\",\"radiationTherapyEndDate\":\"2026-03-25\"");

    @Test
    void twoInstancesOnOnePostgresLoseNothingAndShareEachClinicsPolicy() throws Exception {
        String url = System.getenv("AUDIT_TEST_PG_URL");
        if (url == null && System.getenv("CI") != null) {
            fail("AUDIT_TEST_PG_URL is not set on CI: run `source .ci/postgres.sh` before the tests");
        }
        assumeTrue(url != null, "needs PostgreSQL: source .ci/postgres.sh");
        String user = Optional.ofNullable(System.getenv("AUDIT_TEST_PG_USER")).orElse("postgres");
        String database = "scale_out_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String scaleOutUrl = createDatabase(url, user, database);

        try (PackagedService a = PackagedService.start("instance-a", properties(scaleOutUrl, user, "instance-a"), CLIENTS);
                PackagedService b = PackagedService.start("instance-b", properties(scaleOutUrl, user, "instance-b"), CLIENTS)) {
            HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            a.awaitReady(probe);
            b.awaitReady(probe);

            Map<String, List<String>> answeredByChain = underLoad(a, b);
            for (PackagedService instance : List.of(a, b)) {
                HttpResponse<String> verification = probe.send(instance.authorized("/api/v1/audit/verification").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(verification.statusCode()).isEqualTo(200);
                assertThat(verification.body()).contains("\"intact\":true")
                        .contains("\"chainId\":\"instance-a\"").contains("\"chainId\":\"instance-b\"");
            }
            assertRecordedExactlyOnce(scaleOutUrl, user, answeredByChain);

            aPolicyActivatedOnOneInstanceIsInForceOnBothWithinTenSeconds(probe, a, b);
        }
    }

    private static Map<String, List<String>> underLoad(PackagedService a, PackagedService b) throws InterruptedException {
        AtomicInteger failures = new AtomicInteger();
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
        Map<String, List<String>> answeredByChain = Map.of("instance-a", new ArrayList<>(idsA),
                "instance-b", new ArrayList<>(idsB));

        int answered = answeredByChain.values().stream().mapToInt(List::size).sum();
        System.out.printf("Scale-out test: %d screenings answered 200 (%d by instance-a, %d by instance-b), "
                + "%d failed requests%n", answered, answeredByChain.get("instance-a").size(),
                answeredByChain.get("instance-b").size(), failures.get());
        assertThat(failures.get()).as("failed requests").isZero();
        assertThat(answeredByChain.get("instance-a")).isNotEmpty().doesNotHaveDuplicates();
        assertThat(answeredByChain.get("instance-b")).isNotEmpty().doesNotHaveDuplicates();
        return answeredByChain;
    }

    private static void assertRecordedExactlyOnce(String scaleOutUrl, String user,
            Map<String, List<String>> answeredByChain) throws Exception {
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

    /**
     * North's director shortens the radiation window to 6 months on instance A. A patient whose radiation therapy
     * ended 8 months before {@code asOf} is held back by RECENT_RADIATION under version 0 and not under the new
     * version; instance B must learn of it from the database alone.
     */
    private static void aPolicyActivatedOnOneInstanceIsInForceOnBothWithinTenSeconds(HttpClient http,
            PackagedService a, PackagedService b) throws Exception {
        JsonNode before = screen(http, b, NORTH_INTAKE);
        assertThat(policyVersion(before)).as("north before the activation").isZero();
        assertThat(reasonCodes(before)).contains(RECENT_RADIATION);
        assertThat(before.path("outcome").asText()).isEqualTo("INELIGIBLE");

        HttpResponse<String> draft = http.send(a.post("/api/v1/policies", NORTH_DIRECTOR,
                "{\"parameters\": {\"radiationWindowMonths\": 6}, \"note\": \"scale-out test\"}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        int version = JSON.readTree(draft.body()).path("version").asInt();
        assertThat(version).isPositive();
        HttpResponse<String> activation = http.send(a.post("/api/v1/policies/" + version + "/activation",
                NORTH_DIRECTOR, "{}"), HttpResponse.BodyHandlers.ofString());
        assertThat(activation.statusCode()).as(activation.body()).isEqualTo(200);
        assertThat(JSON.readTree(activation.body()).path("status").asText()).isEqualTo("ACTIVE");
        long activated = System.nanoTime();
        long deadline = activated + POLICY_PROPAGATION.toNanos();

        for (PackagedService instance : List.of(a, b)) {
            JsonNode after = screenUnderVersion(http, instance, version, deadline);
            System.out.printf("Scale-out test: %s decides north under version %d %d ms after the activation%n",
                    instance.uri("/"), version, Duration.ofNanos(System.nanoTime() - activated).toMillis());
            assertThat(reasonCodes(after)).as("north under version %d", version).doesNotContain(RECENT_RADIATION);
            assertThat(after.path("outcome").asText()).isEqualTo("ELIGIBLE");
        }
        JsonNode south = screen(http, b, SOUTH_INTAKE);
        assertThat(south.path("ruleset").path("policy").path("clinicId").asText()).isEqualTo("south");
        assertThat(policyVersion(south)).as("south after north's activation").isZero();
        assertThat(reasonCodes(south)).contains(RECENT_RADIATION);
        assertThat(south.path("outcome").asText()).isEqualTo(before.path("outcome").asText());
    }

    /** Screens north's patient on the instance until it decides under the version; fails at the deadline. */
    private static JsonNode screenUnderVersion(HttpClient http, PackagedService instance, int version, long deadline)
            throws Exception {
        while (true) {
            JsonNode result = screen(http, instance, NORTH_INTAKE);
            if (policyVersion(result) == version) {
                return result;
            }
            if (System.nanoTime() > deadline) {
                fail("Still deciding under version " + policyVersion(result) + " instead of " + version + " "
                        + POLICY_PROPAGATION + " after the activation on " + instance.uri("/") + ": " + result);
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode screen(HttpClient http, PackagedService instance, PackagedService.Client client)
            throws Exception {
        HttpResponse<String> response = http.send(instance.post("/api/v1/screenings", client, RECENT_RADIATION_ENDED_8_MONTHS_AGO),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int policyVersion(JsonNode result) {
        return result.path("ruleset").path("policy").path("version").asInt(-1);
    }

    private static List<String> reasonCodes(JsonNode result) {
        List<String> codes = new ArrayList<>();
        result.path("reasons").forEach(reason -> codes.add(reason.path("code").asText()));
        return codes;
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
