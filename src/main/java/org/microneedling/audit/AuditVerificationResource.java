package org.microneedling.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;

import org.microneedling.security.Caller;
import org.microneedling.security.Roles;

/**
 * Re-computes the hash chains. A class of its own so that access can be limited to the {@code audit} role. Every
 * chain is verified whoever asks; the counts are of the caller's clinic's records only.
 */
@Path("/api/v1/audit/verification")
@RolesAllowed({ Roles.AUDIT, Roles.ADMIN })
public class AuditVerificationResource {

    private final DecisionLog decisionLog;
    private final SecurityIdentity identity;

    AuditVerificationResource(DecisionLog decisionLog, SecurityIdentity identity) {
        this.decisionLog = decisionLog;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Verification verify() {
        return decisionLog.verify(Caller.clinicOf(identity));
    }
}
