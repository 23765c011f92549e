package org.microneedling.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the front-desk page needs to know about its session before it shows anything. */
@Path(SessionResource.PATH)
@Tag(name = "Caller")
@PermitAll
public class SessionResource {

    static final String PATH = "/api/v1/session";

    private final StaffSessions sessions;
    private final SecurityIdentity identity;

    SessionResource(StaffSessions sessions, SecurityIdentity identity) {
        this.sessions = sessions;
        this.identity = identity;
    }

    /**
     * @param signInAvailable whether the page offers sign-in (an identity provider is configured)
     * @param signedIn whether this browser holds a staff session
     * @param idleTimeoutSeconds how long a session lasts without a request
     * @param csrfToken what the page sends in {@code csrfHeader} with every change; null without a session
     * @param sessionEnded true when this browser's session has just been ended by the idle timeout
     */
    @JsonPropertyOrder({ "signInAvailable", "signedIn", "sessionEnded", "signInPath", "signOutPath",
            "idleTimeoutSeconds", "csrfHeader", "csrfToken" })
    public record Session(boolean signInAvailable, boolean signedIn, boolean sessionEnded, String signInPath,
            String signOutPath, long idleTimeoutSeconds, String csrfHeader, String csrfToken) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The page's session",
            description = "Whether staff can sign in with the clinic's identity provider, whether this browser is "
                    + "signed in, and the CSRF token the page must send with every change. Public: it shows no data.")
    public Session session(@Context HttpServerRequest request, @Context HttpServerResponse response) {
        boolean session = sessions.enabled() && StaffSessions.isSession(identity);
        boolean signedIn = session && sessions.active(identity, request);
        if (signedIn) {
            sessions.renewActivity(identity, request, response);
        } else if (session) {
            StaffSessions.endLocally(request, response);
        }
        return new Session(sessions.enabled(), signedIn, session && !signedIn, SignInResource.SIGN_IN,
                SignInResource.SIGN_OUT, sessions.idleSeconds(), StaffSessions.CSRF_HEADER,
                signedIn ? sessions.csrfToken(identity) : null);
    }

}
