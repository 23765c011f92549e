package org.microneedling.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.microneedling.common.Messages;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemType;
import org.microneedling.common.RouteProblem;

/**
 * Missing or wrong credentials answer 401 with a {@code WWW-Authenticate} challenge, a missing role 403, both as
 * problem+json: from the HTTP layer (a key or token that fails authentication) and from the REST layer (an
 * anonymous call or a call without the role).
 */
@ApplicationScoped
public class SecurityProblems {

    private final Challenges challenges;
    private final ObjectMapper mapper;

    SecurityProblems(Challenges challenges, ObjectMapper mapper) {
        this.challenges = challenges;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException exception, HttpHeaders headers) {
        return rest(ProblemType.UNAUTHORIZED, headers).header("WWW-Authenticate", challenges.header()).build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException exception, HttpHeaders headers) {
        return rest(ProblemType.UNAUTHORIZED, headers).header("WWW-Authenticate", challenges.header()).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, HttpHeaders headers) {
        return rest(ProblemType.FORBIDDEN, headers).build();
    }

    private Response.ResponseBuilder rest(ProblemType type, HttpHeaders headers) {
        Problem problem = problem(type, Messages.forRequest(headers));
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private void failed(RoutingContext context) {
        Throwable failure = context.failure();
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
        String body;
        try {
            body = mapper.writeValueAsString(problem(type, RouteProblem.messages(context)));
        } catch (JsonProcessingException e) {
            context.next();
            return;
        }
        context.response().setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (type == ProblemType.UNAUTHORIZED) {
            context.response().putHeader("WWW-Authenticate", challenges.header());
        }
        context.response().end(body);
    }

    private static Problem problem(ProblemType type, Messages messages) {
        String key = type == ProblemType.UNAUTHORIZED ? "problem.unauthorized" : "problem.forbidden";
        return new Problem(type.uri(), type.title(messages), type.status(), messages.get(key), null);
    }
}
