package org.microneedling.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.microneedling.security.Roles;

/**
 * Re-computes the hash chains. A class of its own so that access can be limited to the {@code audit} role.
 */
@Path("/api/v1/audit/verification")
@RolesAllowed({ Roles.AUDIT, Roles.ADMIN })
public class AuditVerificationResource {

    private final AuditDecisionLog decisionLog;

    AuditVerificationResource(AuditDecisionLog decisionLog) {
        this.decisionLog = decisionLog;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Verification verify() {
        return decisionLog.verify();
    }
}
