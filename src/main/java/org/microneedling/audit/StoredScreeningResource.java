package org.microneedling.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;

import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;
import org.microneedling.common.Violation;
import org.microneedling.security.Caller;
import org.microneedling.security.Roles;

/**
 * Reads back an audited decision. The body is the stored result byte for byte, never re-serialised, so it is
 * exactly what the client was first answered. Only the caller's clinic's screenings are found: another clinic's id,
 * or the id of a record that is not a screening, is answered exactly like an id never recorded.
 */
@Path("/api/v1/screenings")
// A provider reviewing a referral reads the answers behind its reasons.
@RolesAllowed({ Roles.AUDIT, Roles.ADMIN, Roles.PROVIDER, Roles.MEDICAL_DIRECTOR })
public class StoredScreeningResource {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final DecisionLog decisionLog;
    private final SecurityIdentity identity;

    StoredScreeningResource(DecisionLog decisionLog, SecurityIdentity identity) {
        this.decisionLog = decisionLog;
        this.identity = identity;
    }

    @GET
    @Path("/{screeningId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response find(@PathParam("screeningId") String screeningId) {
        UUID id = parse(screeningId);
        String result = decisionLog.findResult(id, Caller.clinicOf(identity)).orElseThrow(
                () -> ProblemException.of(ProblemType.NOT_FOUND, "No screening with id " + id + " is recorded."));
        return Response.ok(result.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static UUID parse(String screeningId) {
        // UUID.fromString also accepts short forms such as 1-2-3-4-5, which no screening ever had.
        if (screeningId == null || !CANONICAL_UUID.matcher(screeningId).matches()) {
            throw ProblemException.invalid("The screening id is not valid.",
                    List.of(new Violation("screeningId", "must be a UUID such as 3f1c2a9e-6d1b-4f7e-9a61-0b8f2f5d7c11")));
        }
        return UUID.fromString(screeningId);
    }
}
