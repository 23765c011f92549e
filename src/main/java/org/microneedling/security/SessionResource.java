package org.microneedling.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.security.identity.SecurityIdentity;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the front-desk page needs to know about its session before it shows anything. */
@Path("/api/v1/session")
@Tag(name = "Caller")
@PermitAll
public class SessionResource {

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
     */
    @JsonPropertyOrder({ "signInAvailable", "signedIn", "signInPath", "signOutPath", "idleTimeoutSeconds",
            "csrfHeader", "csrfToken" })
    public record Session(boolean signInAvailable, boolean signedIn, String signInPath, String signOutPath,
            long idleTimeoutSeconds, String csrfHeader, String csrfToken) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The page's session",
            description = "Whether staff can sign in with the clinic's identity provider, whether this browser is "
                    + "signed in, and the CSRF token the page must send with every change. Public: it shows no data.")
    public Session session() {
        boolean signedIn = sessions.enabled() && StaffSessions.isSession(identity);
        return new Session(sessions.enabled(), signedIn, SignInResource.SIGN_IN, SignInResource.SIGN_OUT, sessions.idleSeconds(),
                StaffSessions.CSRF_HEADER, signedIn ? sessions.csrfToken(identity) : null);
    }

}
