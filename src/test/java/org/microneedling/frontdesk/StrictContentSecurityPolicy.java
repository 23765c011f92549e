package org.microneedling.frontdesk;

import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Serves the page under test with the strict policy a later issue will ship, so an inline script, an
 * inline style or an outside resource shows up as a browser console error and fails the browser tests.
 */
class StrictContentSecurityPolicy {

    static final String POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(-100).handler(context -> {
            String path = context.normalizedPath();
            if (!path.startsWith("/api/") && !path.startsWith("/q/")) {
                context.response().putHeader("Content-Security-Policy", POLICY);
            }
            context.next();
        });
    }
}
