package org.microneedling.common;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How an instance leaves. Once shutdown has begun (the start of {@code quarkus.shutdown.delay}), every response
 * asks the client to close its connection ({@code Connection: close} on HTTP/1.1, GOAWAY on HTTP/2): clients then send their next request on a new connection, which the
 * load balancer routes to another instance. From just before the delay ends, a new request is answered 503 without
 * being looked at, while Quarkus waits for the requests already being worked on.
 */
@ApplicationScoped
class ConnectionDraining {

    private static final Logger LOG = Logger.getLogger(ConnectionDraining.class);

    /**
     * When the delay is over, Quarkus waits only until no request is in progress, then closes the server at once,
     * yet it still hands on requests that arrive in that moment: such a screening would be worked on, recorded, and
     * cut off from its answer. Taking no new work slightly before the delay ends leaves no such moment.
     */
    static final Duration STOP_AHEAD_OF_DELAY_END = Duration.ofMillis(50);

    private volatile boolean draining;
    private volatile boolean stopping;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    void handle(RoutingContext context) {
        if (stopping) {
            ProblemWriter.refuse(context, ProblemType.SERVICE_UNAVAILABLE, "problem.stopping",
                    Map.of("Retry-After", "1"));
            return;
        }
        if (draining) {
            ProblemWriter.closeConnectionAfter(context);
        }
        context.next();
    }

    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event,
            @ConfigProperty(name = "quarkus.shutdown.delay", defaultValue = "0s") Duration delay) {
        drainThenStopAfter(delay);
    }

    void drainThenStopAfter(Duration delay) {
        draining = true;
        long stopInMillis = Math.max(0, delay.minus(STOP_AHEAD_OF_DELAY_END).toMillis());
        CompletableFuture.delayedExecutor(stopInMillis, TimeUnit.MILLISECONDS).execute(this::stop);
        LOG.info("Shutdown delay started: readiness is DOWN, requests are still served, connections are closed after each answer");
    }

    /** Without a delay (or if it was cut short) the stop itself is the last moment to refuse new work. */
    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    private void stop() {
        if (!stopping) {
            stopping = true;
            LOG.info("Taking no new requests (503 with Retry-After); those in progress are still answered");
        }
    }
}
