package org.microneedling.common;

import java.util.Map;

import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body above the server's outer limit before it is read, answering
 * problem+json instead of the HTTP layer's bare 413. The API's own, smaller limits are checked
 * where the body is read.
 */
class BodyLimitFilter {

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long maxBytes = limit.asLongValue();
        // After the access log and the security headers, so that a refused body is logged and carries them.
        router.route().order(Integer.MIN_VALUE + 2).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared, maxBytes)) {
                ProblemWriter.refuse(context, ProblemType.PAYLOAD_TOO_LARGE, "problem.payloadTooLarge", Map.of());
                return;
            }
            context.next();
        });
    }

    private static boolean exceeds(String declared, long maxBytes) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
