package org.microneedling.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.microneedling.audit.journal.JournalFiles;

/**
 * SIGTERM under load fails no request. The packaged jar runs as a child process with its shipped shutdown
 * settings (only the delay is shortened to keep the test quick); eight clients post screenings without pause
 * and without looking at readiness while {@link Process#destroy()} sends SIGTERM. What "fails no request" means:
 * <ul>
 * <li>every answer is a 200 or a clean 503, never another status;</li>
 * <li>every request sent before SIGTERM or during the shutdown delay is answered with 200: the instance keeps
 * serving while its readiness reports DOWN (checked too), which is what lets a load balancer drain it;</li>
 * <li>a request without an answer was sent after the delay ended, when the instance no longer takes work, and
 * the server refused it without processing it: the connection was refused, or closed before a single byte of
 * an answer (the service answers late requests 503 with {@code Connection: close} without reading their body,
 * so the client can lose that 503 to the reset of the closing connection);</li>
 * <li>no request was processed without its answer arriving: the audit file holds exactly the screening ids that
 * were answered 200, so nothing broke off in the middle of an exchange.</li>
 * </ul>
 */
class GracefulShutdownIT {

    private static final Duration DELAY = Duration.ofSeconds(2);
    private static final int CLIENTS = 8;
    private static final Pattern SCREENING_ID = Pattern.compile("\"screeningId\":\"([0-9a-f-]{36})\"");

    /** One request as a client saw it; {@code status} is -1 when no answer came. */
    record Exchange(long sentNanos, long endedNanos, int status, String screeningId, Throwable failure,
            HttpClient.Version version) {
    }

    /**
     * Over HTTP/1.1, and with a client asking for HTTP/2 in clear text (the JDK's, by upgrade), which the shipped
     * configuration answers over HTTP/1.1: with h2c on, the {@code Connection: close} of the delay was a protocol
     * error that cost the client an answer already recorded, and the JDK 17 client fails or hangs streams when told
     * GOAWAY instead (docs/security.md, "HTTP/2"). {@code screening.http.cleartext-http2} is passed explicitly so that
     * the run with it on can be repeated by hand.
     */
    @ParameterizedTest
    @CsvSource({"HTTP_1_1, false, HTTP_1_1", "HTTP_2, false, HTTP_1_1"})
    void sigtermUnderLoadAnswersEveryRequestOrRefusesTheConnection(HttpClient.Version version, boolean cleartextHttp2,
            HttpClient.Version answeredOver) throws Exception {
        Path dataDir = Files.createTempDirectory("screening-shutdown");
        ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
        List<Integer> readinessDuringDelay = new ArrayList<>();
        long shutdownBegan;
        long exited;
        String serviceLog;
        try (PackagedService service = PackagedService.start("shutdown", List.of(
                "audit.data-dir=" + dataDir, "quarkus.shutdown.delay=" + DELAY.toMillis() + "ms",
                "screening.http.cleartext-http2=" + cleartextHttp2))) {
            HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            service.awaitReady(probe);

            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Thread client = new Thread(() -> postUntilStopped(service, version, stop, exchanges), "client-" + i);
                client.start();
                clients.add(client);
            }
            Thread.sleep(1500);

            shutdownBegan = System.nanoTime();
            service.process().destroy();
            long delayEnds = shutdownBegan + DELAY.toNanos();
            // The signal is delivered asynchronously; give the JVM a moment to act on it before asking.
            Thread.sleep(200);
            while (System.nanoTime() < delayEnds - TimeUnit.MILLISECONDS.toNanos(300)) {
                readinessDuringDelay.add(readiness(probe, service));
                Thread.sleep(100);
            }
            assertThat(service.process().waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s").isTrue();
            exited = System.nanoTime();
            Thread.sleep(200);
            stop.set(true);
            for (Thread client : clients) {
                client.join(30_000);
            }
            serviceLog = service.log();
        }

        List<Exchange> all = new ArrayList<>(exchanges);
        long servedDuringDelay = all.stream()
                .filter(e -> e.sentNanos() > shutdownBegan && e.endedNanos() < shutdownBegan + DELAY.toNanos())
                .filter(e -> e.status() == 200).count();
        System.out.printf("Shutdown test, " + version + " client, cleartext HTTP/2 " + cleartextHttp2 + ": %d requests, %d answered 200 (%d of them during the delay), %d 503, "
                + "%d refused connections; readiness during the delay %s; exit %d ms after SIGTERM%n",
                all.size(), all.stream().filter(e -> e.status() == 200).count(), servedDuringDelay,
                all.stream().filter(e -> e.status() == 503).count(),
                all.stream().filter(e -> e.failure() != null).count(), readinessDuringDelay,
                TimeUnit.NANOSECONDS.toMillis(exited - shutdownBegan));

        long delayEnds = shutdownBegan + DELAY.toNanos();
        // The client's send time, not the server's receive time: a request sent just before the delay ends may
        // reach a connection the end of the delay is already closing (docs/performance.md, "Open work").
        long inTransit = TimeUnit.MILLISECONDS.toNanos(200);
        assertThat(all).as("requests before SIGTERM").anyMatch(e -> e.sentNanos() < shutdownBegan);
        assertThat(all).as("answers over %s", answeredOver).filteredOn(e -> e.failure() == null)
                .allMatch(e -> e.version() == answeredOver);
        assertThat(all).allSatisfy(e -> {
            if (e.failure() == null) {
                assertThat(e.status()).as("status").isIn(200, 503);
            } else {
                assertThat(e.sentNanos()).as("a request without an answer was sent after the delay ended: %s",
                        e.failure()).isGreaterThan(delayEnds - inTransit);
                assertThat(refusedWithoutAnswer(e.failure()))
                        .as("refused, not broken off mid-exchange: %s", e.failure()).isTrue();
            }
        });
        assertThat(all).as("every request sent before the delay ended was answered with 200")
                .filteredOn(e -> e.sentNanos() < delayEnds - inTransit)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
        assertThat(serviceLog).contains("stopped in");
        assertThat(servedDuringDelay).as("screenings served while draining").isPositive();
        assertThat(readinessDuringDelay).as("readiness during the delay").isNotEmpty().allMatch(status -> status == 503);

        Set<String> answered = new HashSet<>();
        all.stream().filter(e -> e.status() == 200).forEach(e -> answered.add(e.screeningId()));
        Set<String> recorded = recordedIds(dataDir);
        Set<String> recordedWithoutAnswer = new HashSet<>(recorded);
        recordedWithoutAnswer.removeAll(answered);
        Set<String> answeredWithoutRecord = new HashSet<>(answered);
        answeredWithoutRecord.removeAll(recorded);
        assertThat(answeredWithoutRecord).as("answered 200 but not in the audit").isEmpty();
        assertThat(recordedWithoutAnswer).as("recorded, but the answer did not reach the client").isEmpty();
    }

    private static void postUntilStopped(PackagedService service, HttpClient.Version version, AtomicBoolean stop,
            ConcurrentLinkedQueue<Exchange> exchanges) {
        HttpClient http = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = service.screening();
        if (version == HttpClient.Version.HTTP_2) {
            // The JDK client upgrades a connection to HTTP/2 on a request without a body; the screenings then share it.
            readiness(http, service);
        }
        while (!stop.get()) {
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher id = SCREENING_ID.matcher(response.body());
                exchanges.add(new Exchange(sent, System.nanoTime(), response.statusCode(),
                        response.statusCode() == 200 && id.find() ? id.group(1) : null, null, response.version()));
            } catch (IOException e) {
                exchanges.add(new Exchange(sent, System.nanoTime(), -1, null, e, null));
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int readiness(HttpClient http, PackagedService service) {
        try {
            return http.send(HttpRequest.newBuilder(service.uri("/q/health/ready")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Set<String> recordedIds(Path dataDir) throws Exception {
        return JournalFiles.recordedIds(dataDir);
    }

    /** Connection refused, or closed by the server before any byte of an answer. */
    private static boolean refusedWithoutAnswer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException
                    || String.valueOf(cause.getMessage()).contains("header parser received no bytes")
                    || String.valueOf(cause.getMessage()).contains("Connection reset")) {
                return true;
            }
        }
        return false;
    }
}
