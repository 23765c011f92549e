package org.microneedling.security;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the credentials of the request belong to, so that a client (the front-desk page) can show what it may do. */
@Path("/api/v1/me")
@Tag(name = "Caller")
@Authenticated
public class CallerResource {

    private final SecurityIdentity identity;
    private final AuthConfig config;

    CallerResource(SecurityIdentity identity, AuthConfig config) {
        this.identity = identity;
        this.config = config;
    }

    /**
     * @param clientId the client the audit records, null while authentication is off
     * @param roles sorted; every role while authentication is off, since no role is checked then
     */
    @JsonPropertyOrder({ "clientId", "name", "clinicId", "roles" })
    public record Me(String clientId, String name, String clinicId, List<String> roles) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller",
            description = "The client, display name, clinic and roles of the credentials sent. With authentication "
                    + "switched off: the anonymous caller, holding every role.")
    public Me me() {
        Caller caller = Caller.of(identity);
        List<String> roles = (config.enabled() ? identity.getRoles() : Roles.ALL).stream().sorted().toList();
        return new Me(caller.clientId(), caller.displayName(), caller.clinicId(), roles);
    }
}
