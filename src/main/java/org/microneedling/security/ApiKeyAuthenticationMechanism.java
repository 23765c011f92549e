package org.microneedling.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates the {@code X-API-Key} header against the key file. A request without the header is left to the
 * other mechanisms (JWT) or stays anonymous; a request with an unknown key fails with 401. The warm-up's own requests
 * carry {@link Rehearsals#HEADER} instead.
 */
@ApplicationScoped
class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String HEADER = "X-API-Key";
    static final String CREDENTIAL_ATTRIBUTE = "screening.credential";

    private final ApiKeyStore keys;
    private final AuthConfig config;
    private final Challenges challenges;
    private final Rehearsals rehearsals;

    ApiKeyAuthenticationMechanism(ApiKeyStore keys, AuthConfig config, Challenges challenges, Rehearsals rehearsals) {
        this.keys = keys;
        this.config = config;
        this.challenges = challenges;
        this.rehearsals = rehearsals;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String rehearsal = context.request().getHeader(Rehearsals.HEADER);
        if (rehearsal != null) {
            // Also while authentication is off: a rehearsal must never be taken for an anonymous call and recorded.
            SecurityIdentity warmUp = rehearsals.identify(rehearsal, context);
            return warmUp != null ? Uni.createFrom().item(warmUp)
                    : Uni.createFrom().failure(new AuthenticationFailedException("Not a rehearsal of this process"));
        }
        String presented = context.request().getHeader(HEADER);
        if (presented == null || !config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return keys.find(presented.strip())
                .map(entry -> Uni.createFrom().<SecurityIdentity> item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(entry.clientId()))
                        .addRoles(entry.roles())
                        .addAttribute(CREDENTIAL_ATTRIBUTE, "api-key")
                        .addAttribute(Caller.CLINIC_ATTRIBUTE, entry.clinicId())
                        .build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("API key not recognised")));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", challenges.header()));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
