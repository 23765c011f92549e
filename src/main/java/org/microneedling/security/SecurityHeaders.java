package org.microneedling.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every response, errors included: API and CDS Hooks answers hold health data, so no cache may keep them and no
 * browser may sniff or frame them; the front-desk page may load nothing from elsewhere. HSTS only over HTTPS,
 * where a browser honours it (directly, or behind a proxy with {@code quarkus.http.proxy.proxy-address-forwarding}).
 */
@ApplicationScoped
class SecurityHeaders {

    static final int ORDER = Integer.MIN_VALUE + 1;
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            // The path the router matched: "//api/v1/screenings" and "/x/../api/v1/screenings" are the API too.
            boolean api = isApi(context.normalizedPath());
            boolean https = "https".equals(context.request().scheme());
            context.addHeadersEndHandler(ignored -> apply(context, api, https));
            context.next();
        });
    }

    /** Paths whose answers carry health data: the REST API and the CDS Hooks service. */
    static boolean isApi(String path) {
        return path != null && (path.startsWith("/api/") || path.equals("/cds-services")
                || path.startsWith("/cds-services/"));
    }

    private static void apply(RoutingContext context, boolean api, boolean https) {
        MultiMap headers = context.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        if (api) {
            headers.set("Cache-Control", "no-store");
            // An API answer that is a page (the patient's sheet) brings its own policy, as closed as this one
            // but for its inline style.
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", API_CSP);
            }
        } else {
            headers.set("Content-Security-Policy", PAGE_CSP);
        }
        if (https) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }
}
