package org.microneedling.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

import org.jboss.logging.Logger;

/**
 * Once shutdown has begun (the start of {@code quarkus.shutdown.delay}), every response asks the client to close
 * its connection. Clients then send their next request on a new connection, which the load balancer routes to
 * another instance; without this, a client that keeps its connection open sends a request just as the server
 * closes it, and that request ends without an answer.
 */
@ApplicationScoped
class ConnectionDraining {

    private static final Logger LOG = Logger.getLogger(ConnectionDraining.class);

    private volatile boolean draining;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            if (draining) {
                context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            }
            context.next();
        });
    }

    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
        LOG.info("Shutdown delay started: readiness is DOWN, requests are still served, connections are closed after each answer");
    }
}
