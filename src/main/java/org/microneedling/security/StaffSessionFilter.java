package org.microneedling.security;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.microneedling.common.Messages;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;
import org.microneedling.common.ProblemWriter;

/**
 * A signed-in person's request passes only inside the session's idle deadline, and a change only with the page's
 * CSRF token; either failure ends nothing but this request. API keys and bearer tokens are not sessions: a browser
 * never sends them on its own, so neither rule applies to them.
 */
class StaffSessionFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final StaffSessions sessions;
    private final SecurityIdentity identity;

    StaffSessionFilter(StaffSessions sessions, SecurityIdentity identity) {
        this.sessions = sessions;
        this.identity = identity;
    }

    @ServerRequestFilter
    Response check(ContainerRequestContext context, HttpServerRequest request, HttpServerResponse response) {
        if (!sessions.enabled() || !StaffSessions.isSession(identity)) {
            return null;
        }
        // The path the resource was matched by, however the client spelled it.
        String path = context.getUriInfo().getPath();
        // Signing out needs no live session; the page's session check answers an ended one itself.
        if (SignInResource.SIGN_OUT.equals(path) || SessionResource.PATH.equals(path)) {
            return null;
        }
        Messages messages = Messages.forLanguages(context::getAcceptableLanguages);
        if (!sessions.active(identity, request)) {
            StaffSessions.endLocally(request, response);
            if (SignInResource.SIGN_IN.equals(path)) {
                // The next visit carries no session, so the provider is asked to sign the person in again.
                return Response.seeOther(URI.create(SignInResource.SIGN_IN)).build();
            }
            throw new ProblemException(ProblemWriter.problem(ProblemType.SESSION_EXPIRED, messages,
                    "problem.sessionExpired", String.valueOf(sessions.idleSeconds() / 60)), Map.of());
        }
        if (!SAFE_METHODS.contains(request.method().name())
                && !sessions.csrfTokenMatches(identity, request.getHeader(StaffSessions.CSRF_HEADER))) {
            throw new ProblemException(ProblemWriter.problem(ProblemType.FORBIDDEN, messages, "problem.csrf",
                    StaffSessions.CSRF_HEADER), Map.of());
        }
        sessions.renewActivity(identity, request, response);
        return null;
    }
}
