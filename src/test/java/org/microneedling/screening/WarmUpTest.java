package org.microneedling.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.microneedling.audit.DecisionLog;
import org.microneedling.audit.RecordQuery;
import org.microneedling.audit.ScratchJournals;
import org.microneedling.security.Rehearsals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Readiness waits for the warm-up; the warm-up records nothing and holds up no client. */
@QuarkusTest
@TestProfile(WarmUpTest.WarmUpOn.class)
class WarmUpTest {

    public static class WarmUpOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The test JVM was launched long before this application starts.
            return Map.of("screening.warm-up.enabled", "true", "screening.warm-up.duration", "1s",
                    "screening.warm-up.latest-after-launch", "24h");
        }
    }

    @Inject
    ScreeningService service;

    @Inject
    ObjectMapper mapper;

    @Inject
    DecisionLog decisionLog;

    @Inject
    Rehearsals rehearsals;

    @Inject
    ValueRegistry values;

    @Test
    void readinessTurnsUpOnceTheStartUpWarmUpHasScreened() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status = 0;
        while (System.nanoTime() < deadline && (status = given().get("/q/health/ready").statusCode()) != 200) {
            Thread.sleep(50);
        }
        assertThat(status).isEqualTo(200);
        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(ready.getString("checks.find { it.name == 'screening-warm-up' }.status")).isEqualTo("UP");
        assertThat(ready.getLong("checks.find { it.name == 'screening-warm-up' }.data.screenings")).isPositive();
    }

    @Test
    void downUntilItHasRunThenUp() {
        WarmUp warmUp = warmUp();
        assertThat(warmUp.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        warmUp.run(Duration.ofMillis(100));
        assertThat(warmUp.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void synthesicScreeningsAreNeverRecorded() {
        AtomicLong committed = new AtomicLong();
        decisionLog.onCommitted(entries -> committed.addAndGet(entries.size()));
        long before = records();

        long screened = warmUp().run(Duration.ofMillis(1_500));

        assertThat(screened).isGreaterThan(10);
        assertThat(records()).isEqualTo(before);
        assertThat(committed).hasValue(0);
    }

    @Test
    void itGoesThroughTheHttpLayerAndRecordsNothingThere() throws IOException {
        AtomicLong committed = new AtomicLong();
        decisionLog.onCommitted(entries -> committed.addAndGet(entries.size()));
        long before = records();
        Set<Path> scratchBefore = ScratchJournals.present();
        WarmUp warmUp = warmUp();

        long screened = warmUp.run(Duration.ofMillis(700));

        assertThat(screened).isGreaterThan(10);
        assertThat(((Number) warmUp.call().getData().orElseThrow().get("throughHttp")).longValue())
                .as("answered through HTTP").isPositive();
        assertThat(records()).isEqualTo(before);
        assertThat(committed).hasValue(0);
        assertThat(ScratchJournals.present()).as("the scratch journal is deleted").isSubsetOf(scratchBefore);
    }

    @Test
    void aRehearsalThroughHttpIsCommittedToTheScratchJournalWhileItIsOpen() throws Exception {
        long before = records();
        Set<Path> scratchBefore = ScratchJournals.present();
        Runnable close = service.openRehearsals();
        Set<Path> opened = new HashSet<>(ScratchJournals.present());
        opened.removeAll(scratchBefore);
        String key = rehearsals.open();
        try {
            assertThat(opened).as("one scratch journal, opened in the temporary folder").hasSize(1);
            Path scratch = opened.iterator().next();
            long empty = ScratchJournals.bytesUnder(scratch);

            given().contentType("application/json").header(Rehearsals.HEADER, key)
                    .body(Questionnaires.minimal().json()).post("/api/v1/screenings").then().statusCode(200);

            assertThat(ScratchJournals.bytesUnder(scratch)).as("committed to the scratch journal")
                    .isGreaterThan(empty);
        } finally {
            rehearsals.close();
            close.run();
        }
        assertThat(opened.iterator().next()).doesNotExist();
        assertThat(records()).as("nothing in the trail").isEqualTo(before);
    }

    @Test
    void aRehearsalRefusedOverHttpStopsThatPathSoTheWarmUpGoesOnDirectly() {
        HttpRehearsal refused = new HttpRehearsal("127.0.0.1", values.getOrDefault(HttpServer.HTTP_PORT, 0),
                "0".repeat(64), List.of(Questionnaires.minimal().json().getBytes(StandardCharsets.UTF_8)), 8, () -> {
                });

        assertThatThrownBy(() -> refused.run(System.nanoTime() + TimeUnit.SECONDS.toNanos(2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("answered 401");
    }

    @Test
    void onlyTheOpenKeyOfThisProcessMakesARehearsal() {
        String body = Questionnaires.minimal().json();
        given().contentType("application/json").header(Rehearsals.HEADER, "0".repeat(64)).body(body)
                .post("/api/v1/screenings").then().statusCode(401);
        long before = records();
        String key = rehearsals.open();
        try {
            given().contentType("application/json").header(Rehearsals.HEADER, key).body(body)
                    .post("/api/v1/screenings").then().statusCode(200).body("outcome", equalTo("ELIGIBLE"));
            given().contentType("application/json").header(Rehearsals.HEADER, key + "0").body(body)
                    .post("/api/v1/screenings").then().statusCode(401);
        } finally {
            rehearsals.close();
        }
        assertThat(records()).as("a rehearsal is answered, not recorded").isEqualTo(before);
        given().contentType("application/json").header(Rehearsals.HEADER, key).body(body)
                .post("/api/v1/screenings").then().statusCode(401);
    }

    @Test
    void aScreeningDuringTheWarmUpIsAnsweredAndRecorded() throws Exception {
        WarmUp warmUp = warmUp();
        CompletableFuture<Long> warming = CompletableFuture.supplyAsync(() -> warmUp.run(Duration.ofSeconds(3)));
        while (screenings(warmUp) == 0) {
            Thread.sleep(5);
        }

        String screeningId = ScreeningResourceTest.post(Questionnaires.minimal()).statusCode(200)
                .body("outcome", equalTo("ELIGIBLE")).body("screeningId", notNullValue())
                .extract().path("screeningId");

        assertThat(warmUp.finished()).as("the answer came while the warm-up ran").isFalse();
        given().get("/api/v1/screenings/" + screeningId).then().statusCode(200)
                .body("outcome", equalTo("ELIGIBLE"));
        assertThat(warming.get(10, TimeUnit.SECONDS)).isPositive();
    }

    @Test
    void theBudgetEndsByTheLatestTimeAfterLaunch() {
        Duration twoSeconds = Duration.ofSeconds(2);
        Duration latest = Duration.ofMillis(4_500);
        assertThat(WarmUp.budget(twoSeconds, latest, 10_000, 11_500)).isEqualTo(twoSeconds);
        assertThat(WarmUp.budget(twoSeconds, latest, 10_000, 13_000)).isEqualTo(Duration.ofMillis(1_500));
        assertThat(WarmUp.budget(twoSeconds, latest, 10_000, 14_500)).isZero();
        assertThat(WarmUp.budget(twoSeconds, latest, 10_000, 20_000)).isZero();
    }

    private WarmUp warmUp() {
        return new WarmUp(service, new WarmUpConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Duration duration() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration latestAfterLaunch() {
                return Duration.ofHours(24);
            }

            @Override
            public int httpConnections() {
                return 4;
            }
        }, mapper, rehearsals, values, Optional.empty());
    }

    private static long screenings(WarmUp warmUp) {
        return ((Number) warmUp.call().getData().orElseThrow().get("screenings")).longValue();
    }

    private long records() {
        AtomicLong count = new AtomicLong();
        decisionLog.scan(RecordQuery.all(), entry -> count.incrementAndGet());
        return count.get();
    }
}
