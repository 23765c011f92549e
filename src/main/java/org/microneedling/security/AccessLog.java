package org.microneedling.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.jboss.logging.Logger;

/**
 * One line per request on the {@code org.microneedling.access} logger: method, path, status, client id, latency and
 * screening id. Never a header value, query string or body: those may carry keys or health data.
 */
@ApplicationScoped
class AccessLog {

    static final String CATEGORY = "org.microneedling.access";
    static final int ORDER = Integer.MIN_VALUE;
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final Pattern SCREENING_PATH = Pattern.compile(
            "/api/v1/screenings/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    private static final int MAX_PATH_LENGTH = 200;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            long started = System.nanoTime();
            context.addEndHandler(ignored -> log(context, started));
            context.next();
        });
    }

    private static void log(RoutingContext context, long started) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        double millis = (System.nanoTime() - started) / 1_000_000.0;
        String path = printable(context.request().path());
        // The end handler also runs when the client closed the connection before the answer was written; the
        // status would then read as a default 200 that nobody received.
        String status = context.response().ended() ? String.valueOf(context.response().getStatusCode()) : "closed";
        LOG.infof("%s %s %s client=%s latency_ms=%.2f screening=%s", context.request().method().name(), path,
                status, client(context), millis, context.response().ended() ? screeningId(context, path) : "-");
    }

    private static String client(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            String id = Clients.id(identity);
            if (id != null) {
                return printable(id);
            }
        }
        return "-";
    }

    private static String screeningId(RoutingContext context, String path) {
        String location = context.response().headers().get("Location");
        Matcher matcher = SCREENING_PATH.matcher(location != null ? location : path);
        return matcher.find() && context.response().getStatusCode() < 300 ? matcher.group(1) : "-";
    }

    /** The path without query, cut to a sane length, with anything but visible ASCII replaced. */
    private static String printable(String value) {
        if (value == null) {
            return "-";
        }
        String cut = value.length() > MAX_PATH_LENGTH ? value.substring(0, MAX_PATH_LENGTH) + "..." : value;
        return cut.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
