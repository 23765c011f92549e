package org.microneedling.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On a real Vert.x server: served and asked to close during the delay, refused with 503 once stopping. */
class ConnectionDrainingTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ConnectionDraining draining = new ConnectionDraining();
    /** Held open until the test lets the slow request answer. */
    private final CountDownLatch answerSlow = new CountDownLatch(1);
    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private Vertx vertx;
    private URI base;

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        draining.install(router);
        router.get("/slow").handler(context -> {
            slowStarted.countDown();
            vertx.executeBlocking(() -> answerSlow.await(10, TimeUnit.SECONDS))
                    .onComplete(ignored -> context.response().end("done"));
        });
        router.get("/quick").handler(context -> context.response().end("quick"));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        base = URI.create("http://127.0.0.1:" + server.actualPort());
    }

    @AfterEach
    void stopServer() throws Exception {
        answerSlow.countDown();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void duringTheDelayRequestsAreServedAndAskedToCloseTheirConnection() throws Exception {
        HttpResponse<String> before = send("/quick");
        assertThat(before.headers().firstValue("Connection")).isEmpty();

        draining.drainThenStopAfter(Duration.ofMinutes(1));
        HttpResponse<String> during = send("/quick");

        assertThat(during.statusCode()).isEqualTo(200);
        assertThat(during.body()).isEqualTo("quick");
        assertThat(during.headers().firstValue("Connection")).contains("close");
    }

    @Test
    void onceStoppingNewRequestsGetAClean503WhileTheOneInProgressIsStillAnswered() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(get("/slow"), HttpResponse.BodyHandlers.ofString());
        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

        draining.onStop(null);
        HttpResponse<String> late = send("/quick");

        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.headers().firstValue("Content-Type")).contains(Problem.MEDIA_TYPE);
        assertThat(late.headers().firstValue("Retry-After")).contains("1");
        assertThat(late.headers().firstValue("Connection")).contains("close");
        assertThat(late.body()).contains("\"status\":503").contains("another instance");
        answerSlow.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).body()).isEqualTo("done");
    }

    @Test
    void theDelayEndsInAStopWithoutAnythingElseHappening() throws Exception {
        draining.drainThenStopAfter(ConnectionDraining.STOP_AHEAD_OF_DELAY_END.plusMillis(100));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status = send("/quick").statusCode();
        while (status != 503 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = send("/quick").statusCode();
        }
        assertThat(status).isEqualTo(503);
    }

    @Test
    void theRefusalSpeaksTheCallersLanguage() throws Exception {
        draining.onStop(null);

        HttpResponse<String> late = http.send(HttpRequest.newBuilder(base.resolve("/quick"))
                .header("Accept-Language", "es").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.body()).contains("otra instancia");
    }

    @Test
    void aMalformedLanguageHeaderStillGetsTheRefusalInEnglish() throws Exception {
        draining.onStop(null);

        HttpResponse<String> late = http.send(HttpRequest.newBuilder(base.resolve("/quick"))
                .header("Accept-Language", ";;=, ,=;q").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.body()).contains("another instance");
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(get(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build();
    }
}
