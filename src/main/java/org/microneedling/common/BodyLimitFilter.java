package org.microneedling.common;

import java.util.Map;

import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body above the server's outer limit with problem+json instead of the HTTP layer's bare 413: a declared
 * one before it is read; one of undeclared length (chunked, or HTTP/2 without Content-Length) is read here, up to
 * the limit, before any resource runs. Left to the REST layer, such a body was cut off mid-read with a bare 413 and
 * two stack traces. The API's own, smaller limits are checked where the body is read.
 */
class BodyLimitFilter {

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long maxBytes = limit.asLongValue();
        BodyHandler undeclared = BodyHandler.create(false).setBodyLimit(maxBytes);
        // After the access log and the security headers, so that a refused body is logged and carries them.
        router.route().order(Integer.MIN_VALUE + 2).handler(context -> {
            HttpServerRequest request = context.request();
            String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared, maxBytes)) {
                ProblemWriter.refuse(context, ProblemType.PAYLOAD_TOO_LARGE, "problem.payloadTooLarge", Map.of());
                return;
            }
            if (declared == null && !request.isEnded() && (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                    || request.version() == HttpVersion.HTTP_2)) {
                // The REST layer reads a body already read here instead of the connection.
                undeclared.handle(context);
                return;
            }
            context.next();
        }).failureHandler(BodyLimitFilter::refuseOversizedBody);
    }

    private static void refuseOversizedBody(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().ended()) {
            if (context.request().version() != HttpVersion.HTTP_2) {
                // The rest of the body is still arriving and will not be read: only closing ends it.
                context.addEndHandler(ignored -> context.request().connection().close());
            }
            ProblemWriter.refuse(context, ProblemType.PAYLOAD_TOO_LARGE, "problem.payloadTooLarge", Map.of());
            return;
        }
        if (context.response().ended() && context.failure() instanceof HttpClosedException) {
            // The connection closed after the 413 above: the access line has said all there is to say.
            return;
        }
        context.next();
    }

    private static boolean exceeds(String declared, long maxBytes) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
