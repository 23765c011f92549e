package org.microneedling.screening;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

import org.microneedling.security.Rehearsals;

/**
 * Sends the warm-up's questionnaires to this service's own {@code POST /api/v1/screenings} over loopback, so that
 * the HTTP layer (Vert.x, RESTEasy, the authentication, the JSON writer, the access log's filter) is compiled before
 * readiness as well as the decision. A few connections keep one request each in flight until the deadline; the
 * requests carry the rehearsal key, so they are answered and never recorded.
 */
final class HttpRehearsal {

    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final String[] LANGUAGES = { "en", "es" };

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final String key;
    private final List<byte[]> questionnaires;
    private final Runnable onAnswered;
    private final int connections;

    /** @param onAnswered called on every answer 200, as it arrives */
    HttpRehearsal(Vertx vertx, String host, int port, String key, List<byte[]> questionnaires, int connections,
            Runnable onAnswered) {
        this.vertx = vertx;
        this.connections = Math.max(1, connections);
        this.host = host;
        this.port = port;
        this.key = key;
        this.questionnaires = List.copyOf(questionnaires);
        this.onAnswered = onAnswered;
    }

    /**
     * Screens until {@code deadlineNanos} ({@link System#nanoTime()}).
     *
     * @return how many were answered 200
     * @throws IllegalStateException at the first request that failed or was answered otherwise: the caller goes on
     *         without the HTTP layer
     */
    long run(long deadlineNanos) throws InterruptedException {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(host).setDefaultPort(port)
                .setKeepAlive(true).setConnectTimeout(1_000), new PoolOptions().setHttp1MaxSize(connections));
        Lanes lanes = new Lanes(client, deadlineNanos);
        Throwable failure;
        try {
            for (int lane = 0; lane < connections; lane++) {
                lanes.send(lane);
            }
            // Readiness must not wait on a slow answer: those still in flight shortly after the deadline are let go.
            lanes.done.await(Math.max(0, deadlineNanos - System.nanoTime()) + GRACE_NANOS, TimeUnit.NANOSECONDS);
            // Taken before the close, which fails what is still in flight.
            failure = lanes.failure.get();
        } finally {
            client.close();
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage() == null ? failure.toString() : failure.getMessage(),
                    failure);
        }
        return lanes.answered.get();
    }

    /** One request in flight per lane; the next is sent when its answer has been read. */
    private final class Lanes {

        private final HttpClient client;
        private final long deadlineNanos;
        private final AtomicLong answered = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final CountDownLatch done = new CountDownLatch(connections);

        Lanes(HttpClient client, long deadlineNanos) {
            this.client = client;
            this.deadlineNanos = deadlineNanos;
        }

        void send(long sequence) {
            if (System.nanoTime() >= deadlineNanos || failure.get() != null) {
                done.countDown();
                return;
            }
            byte[] body = questionnaires.get((int) (sequence % questionnaires.size()));
            String language = LANGUAGES[(int) (sequence / questionnaires.size() % LANGUAGES.length)];
            client.request(HttpMethod.POST, Rehearsals.ENDPOINT)
                    .compose(request -> request.putHeader(HttpHeaders.CONTENT_TYPE, Rehearsals.JSON)
                            .putHeader(HttpHeaders.ACCEPT_LANGUAGE, language)
                            .putHeader(Rehearsals.HEADER, key)
                            .send(Buffer.buffer(body)))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .onComplete(result -> {
                        if (result.succeeded() && result.result() == 200) {
                            answered.incrementAndGet();
                            onAnswered.run();
                            send(sequence + connections);
                        } else {
                            failure.compareAndSet(null, result.failed() ? result.cause()
                                    : new IllegalStateException(Rehearsals.ENDPOINT + " answered " + result.result()));
                            done.countDown();
                        }
                    });
        }
    }
}
