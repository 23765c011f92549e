package org.microneedling.security;

import jakarta.enterprise.event.Observes;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * An anonymous request for metrics is a 401 problem+json with the challenge, like an anonymous API call. The role
 * itself is Quarkus's HTTP permission {@code metrics} (application.properties), which answers a caller without the
 * role 403 through {@link SecurityProblems}; but for a caller without credentials it would send each mechanism's
 * bare challenge, with no body.
 */
class MetricsAccess {

    /** After Quarkus has authenticated the request (filter priority 200), before it checks permissions (100). */
    static final int ORDER = -150;

    void install(@Observes Router router, AuthConfig config) {
        router.route("/q/metrics*").order(ORDER).handler(context -> {
            if (config.enabled() && anonymous(context)) {
                context.fail(new UnauthorizedException());
                return;
            }
            context.next();
        });
    }

    private static boolean anonymous(RoutingContext context) {
        return !(context.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous();
    }
}
