package org.microneedling.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.microneedling.common.ClinicId;

/**
 * A JWT's clinic is its {@code tenant} claim, {@link ClinicId#DEFAULT} without one. A claim that is not a clinic id
 * fails authentication like a bad signature: guessing a clinic from a malformed claim could show one clinic's
 * records to another.
 */
@ApplicationScoped
class TenantClaimCheck implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String clinic = Caller.tenantOf(token);
        if (!ClinicId.valid(clinic)) {
            return Uni.createFrom().failure(
                    new AuthenticationFailedException("The token's tenant claim is not a clinic id"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Caller.CLINIC_ATTRIBUTE, clinic).build());
    }
}
