package org.microneedling.security;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.microneedling.common.Messages;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemType;
import org.microneedling.common.ProblemWriter;

/**
 * Missing or wrong credentials answer 401 with a {@code WWW-Authenticate} challenge, a missing role 403, both as
 * problem+json: from the HTTP layer (a key or token that fails authentication) and from the REST layer (an
 * anonymous call or a call without the role).
 */
@ApplicationScoped
public class SecurityProblems {

    private static final Logger LOG = Logger.getLogger(SecurityProblems.class);

    private final Challenges challenges;

    SecurityProblems(Challenges challenges) {
        this.challenges = challenges;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException exception, HttpHeaders headers) {
        return rest(ProblemType.UNAUTHORIZED, headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException exception, HttpHeaders headers) {
        return rest(ProblemType.UNAUTHORIZED, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, HttpHeaders headers) {
        return rest(ProblemType.FORBIDDEN, headers);
    }

    private Response rest(ProblemType type, HttpHeaders headers) {
        Messages messages = Messages.forRequest(headers);
        return ProblemWriter.response(problem(type, messages), messages, headersOf(type));
    }

    private void failed(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof OIDCException && !context.response().ended()) {
            providerUnavailable(context, failure);
            return;
        }
        ProblemType type;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            type = ProblemType.UNAUTHORIZED;
        } else if (failure instanceof ForbiddenException) {
            type = ProblemType.FORBIDDEN;
        } else {
            context.next();
            return;
        }
        if (context.response().ended()) {
            return;
        }
        if (type == ProblemType.UNAUTHORIZED) {
            // A session cookie that no longer verifies (expired, or sealed with a rotated secret) would fail every
            // later request too: it is dropped, so the next one arrives without it and can sign in afresh.
            StaffSessions.endLocally(context.request(), context.response());
        }
        ProblemWriter.send(context, problem(type, ProblemWriter.messages(context)), headersOf(type));
    }

    /**
     * The clinic's identity provider cannot be reached (or answers nonsense): a person cannot sign in now, which is
     * the provider's outage, not an error of ours. The browser goes back to the page, which says so; an API call
     * gets a 503 it can retry.
     */
    private static void providerUnavailable(RoutingContext context, Throwable failure) {
        LOG.warnf("Sign-in unavailable: the identity provider failed (%s) for %s %s", failure.getMessage(),
                context.request().method(), context.normalizedPath());
        if (SignInResource.SIGN_IN.equals(context.normalizedPath())
                || SignInResource.SIGN_OUT.equals(context.normalizedPath())) {
            context.response().setStatusCode(303).putHeader("Location", SignInResource.PAGE + "?sign-in=unavailable")
                    .end();
            return;
        }
        ProblemWriter.send(context, ProblemWriter.problem(ProblemType.SERVICE_UNAVAILABLE,
                ProblemWriter.messages(context), "problem.signInUnavailable"), Map.of("Retry-After", "30"));
    }

    private Map<String, String> headersOf(ProblemType type) {
        return type == ProblemType.UNAUTHORIZED ? Map.of("WWW-Authenticate", challenges.header()) : Map.of();
    }

    private static Problem problem(ProblemType type, Messages messages) {
        return ProblemWriter.problem(type, messages,
                type == ProblemType.UNAUTHORIZED ? "problem.unauthorized" : "problem.forbidden");
    }
}
