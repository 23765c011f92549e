package org.microneedling.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logmanager.LogContext;

/**
 * One line per request on the {@code org.microneedling.access} logger: method, path, status, client id, latency and
 * screening id. Never a header value, query string or body: those may carry keys or health data. On the console the
 * lines arrive in blocks, at most {@link BlockWrittenConsole#FLUSH_INTERVAL} late.
 */
@ApplicationScoped
class AccessLog {

    static final String CATEGORY = "org.microneedling.access";
    static final int ORDER = Integer.MIN_VALUE;
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final Pattern SCREENING_PATH = Pattern.compile(
            "/api/v1/screenings/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    private static final int MAX_PATH_LENGTH = 200;

    private BlockWrittenConsole console;

    synchronized void writeConsoleInBlocks(@Observes StartupEvent started,
            @ConfigProperty(name = "quarkus.log.console.stderr", defaultValue = "false") boolean stderr) {
        console = BlockWrittenConsole.install(LogContext.getLogContext(), CATEGORY, stderr ? System.err : System.out,
                BlockWrittenConsole.FLUSH_INTERVAL);
    }

    /** Lines of requests still draining during shutdown go straight to the console again. */
    synchronized void writeConsoleDirectly(@Observes ShutdownEvent stopping) {
        if (console != null) {
            console.uninstall(LogContext.getLogContext(), CATEGORY);
            console = null;
        }
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            long started = System.nanoTime();
            context.addEndHandler(ignored -> log(context, started));
            context.next();
        });
    }

    private static void log(RoutingContext context, long started) {
        if (!LOG.isInfoEnabled() || rehearsal(context)) {
            return;
        }
        long micros = (System.nanoTime() - started) / 1_000;
        // The path the router matched, so that every spelling of one endpoint is logged as that endpoint.
        String path = printable(context.normalizedPath());
        boolean answered = context.response().ended();
        // Built by hand: a format string with %.2f is parsed on every call, which was a measurable share of a
        // request's CPU under load.
        StringBuilder line = new StringBuilder(160).append(context.request().method().name()).append(' ').append(path)
                .append(' ');
        // The end handler also runs when the client closed the connection before the answer was written; the
        // status would then read as a default 200 that nobody received.
        if (answered) {
            line.append(context.response().getStatusCode());
        } else {
            line.append("closed");
        }
        line.append(" client=").append(client(context)).append(" latency_ms=");
        appendMillis(line, micros).append(" screening=").append(answered ? screeningId(context, path) : "-");
        LOG.info(line);
    }

    /** Microseconds as milliseconds with two decimals, truncated: 1234 is "1.23". */
    static StringBuilder appendMillis(StringBuilder line, long micros) {
        long hundredths = micros % 1000 / 10;
        return line.append(micros / 1000).append(hundredths < 10 ? ".0" : ".").append(hundredths);
    }

    /** The warm-up's requests before readiness: thousands at every start, none a client's. */
    private static boolean rehearsal(RoutingContext context) {
        return context.user() instanceof QuarkusHttpUser user && Rehearsals.isRehearsal(user.getSecurityIdentity());
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

    /** The path, cut to a sane length, with anything but visible ASCII replaced. */
    static String printable(String value) {
        if (value == null) {
            return "-";
        }
        String cut = value.length() > MAX_PATH_LENGTH ? value.substring(0, MAX_PATH_LENGTH) + "..." : value;
        StringBuilder visible = null;
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                if (visible == null) {
                    visible = new StringBuilder(cut);
                }
                visible.setCharAt(i, '?');
            }
        }
        return visible == null ? cut : visible.toString();
    }
}
