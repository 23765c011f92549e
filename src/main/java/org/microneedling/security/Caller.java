package org.microneedling.security;

import java.security.Principal;

import jakarta.json.JsonString;

import io.quarkus.security.identity.SecurityIdentity;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.microneedling.common.ClinicId;

/**
 * Who is calling, as the workflow records it: the client (recorded with every decision), the person (who approved
 * a policy, who reviewed), a name to show, and the clinic whose records alone the call may see.
 *
 * @param clientId the API key's client, or the JWT's {@code upn}, else {@code preferred_username}, else {@code sub};
 *        null while authentication is off
 * @param personId the API key's client, or the JWT's {@code sub}
 * @param displayName the JWT's {@code name}, else {@code preferred_username}, else {@code sub}; the client for a key
 * @param clinicId the key file's clinic field or the JWT's {@code tenant} claim, else {@link ClinicId#DEFAULT}
 * @param person true when a person signed in (a staff session or a JWT): what they do is recorded under their name
 */
public record Caller(String clientId, String personId, String displayName, String clinicId, boolean person) {

    /** A client that is not a person: an API key, or anyone while authentication is off. */
    public Caller(String clientId, String personId, String displayName, String clinicId) {
        this(clientId, personId, displayName, clinicId, false);
    }

    /** Set on every authenticated identity: by the API key mechanism, and for a JWT by {@link TenantClaimCheck}. */
    public static final String CLINIC_ATTRIBUTE = "screening.clinic";
    static final String TENANT_CLAIM = "tenant";

    private static final String ANONYMOUS = "anonymous";

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
            return new Caller(null, ANONYMOUS, ANONYMOUS, ClinicId.DEFAULT);
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken token) {
            String subject = token.getSubject() != null ? token.getSubject() : token.getName();
            return new Caller(token.getName(), subject, displayName(token, subject), clinicOf(identity), true);
        }
        return new Caller(principal.getName(), principal.getName(), principal.getName(), clinicOf(identity));
    }

    /** Only the clinic: what the hot path needs. */
    public static String clinicOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ClinicId.DEFAULT;
        }
        String clinic = identity.getAttribute(CLINIC_ATTRIBUTE);
        if (clinic == null && identity.getPrincipal() instanceof JsonWebToken token) {
            clinic = tenantOf(token);
        }
        return ClinicId.orDefault(clinic);
    }

    /** The token's {@code tenant} claim: {@link ClinicId#DEFAULT} when absent, null when it is not a string. */
    static String tenantOf(JsonWebToken token) {
        Object tenant = token.getClaim(TENANT_CLAIM);
        if (tenant == null) {
            return ClinicId.DEFAULT;
        }
        if (tenant instanceof String text) {
            return text;
        }
        return tenant instanceof JsonString json ? json.getString() : null;
    }

    private static String displayName(JsonWebToken token, String subject) {
        String name = claimText(token.getClaim("name"));
        if (name == null || name.isBlank()) {
            name = claimText(token.getClaim("preferred_username"));
        }
        return name == null || name.isBlank() ? subject : name;
    }

    private static String claimText(Object claim) {
        if (claim == null) {
            return null;
        }
        // smallrye-jwt hands string claims over as JSON strings in some versions.
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim.toString();
    }
}
