package org.microneedling.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request's body must have arrived in full within {@code screening.http.body-read-timeout} of its headers, or the
 * connection is closed. The idle timeout only notices a connection that sends nothing at all: one byte now and then
 * held it, and a worker's buffer, open indefinitely.
 */
class BodyReadDeadline {

    private static final AtomicInteger ARMED = new AtomicInteger();

    /** Deadlines of requests not answered yet: each holds its request until it is cancelled or fires. */
    static int armed() {
        return ARMED.get();
    }

    void install(@Observes Router router,
            @ConfigProperty(name = "screening.http.body-read-timeout", defaultValue = "60s") Duration timeout) {
        long millis = timeout.toMillis();
        router.route().order(Integer.MIN_VALUE + 2).handler(context -> {
            HttpServerRequest request = context.request();
            if (!request.isEnded()) {
                ARMED.incrementAndGet();
                long timer = context.vertx().setTimer(millis, ignored -> {
                    ARMED.decrementAndGet();
                    if (!request.isEnded() && !context.response().ended() && !context.response().closed()) {
                        request.connection().close();
                    }
                });
                // Once answered the deadline has nothing left to guard; a timer left to run would keep the whole
                // request (body, headers, context) reachable for the full timeout, and under load fill the heap.
                context.addEndHandler(ended -> {
                    if (context.vertx().cancelTimer(timer)) {
                        ARMED.decrementAndGet();
                    }
                });
            }
            context.next();
        });
    }
}
