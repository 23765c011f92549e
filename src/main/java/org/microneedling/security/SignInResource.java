package org.microneedling.security;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Staff sign-in for the front-desk page. The OIDC extension runs the authorization code flow (with PKCE) on
 * {@link #SIGN_IN} and the provider's sign-out on {@link #SIGN_OUT}; these endpoints are where a browser lands.
 */
@Path("/auth")
@Tag(name = "Caller")
public class SignInResource {

    public static final String SIGN_IN = "/auth/sign-in";
    public static final String SIGN_OUT = "/auth/sign-out";
    static final String PAGE = "/";

    @GET
    @Path("sign-in")
    @Authenticated
    @Operation(summary = "Sign in (browser)",
            description = "Sends the browser to the clinic's identity provider and, once signed in, back to the "
                    + "front desk. Not for API clients.")
    public Response signIn() {
        return Response.seeOther(URI.create(PAGE)).build();
    }

    @GET
    @Path("sign-out")
    @PermitAll
    @Operation(summary = "Sign out (browser)",
            description = "Ends the session here and at the identity provider, then returns to the front desk.")
    public Response signOut() {
        // Reached only without a session: with one, the OIDC extension has already sent the browser to the provider.
        return Response.seeOther(URI.create(PAGE)).build();
    }
}
