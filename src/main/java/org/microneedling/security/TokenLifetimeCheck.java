package org.microneedling.security;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A JWT must say when it was issued, not in the future (beyond {@code screening.auth.jwt-clock-skew}), and be valid
 * for at most {@code screening.auth.jwt-max-lifetime}. The signature and expiry checks alone accept a token minted
 * to start next year or to last for ten: one leaked signing moment would then outlive any key rotation. Applies to
 * bearer tokens and to the ID token of a staff session alike, since both arrive here as a {@link JsonWebToken}.
 */
@ApplicationScoped
class TokenLifetimeCheck implements SecurityIdentityAugmentor {

    private final long skewSeconds;
    private final long maxLifetimeSeconds;
    private final Clock clock;

    TokenLifetimeCheck(AuthConfig config, Clock clock) {
        this.skewSeconds = config.jwtClockSkew().toSeconds();
        this.maxLifetimeSeconds = config.jwtMaxLifetime().toSeconds();
        this.clock = clock;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String refused = refusal(token.getIssuedAtTime(), token.getExpirationTime(),
                    clock.instant().getEpochSecond());
            if (refused != null) {
                return Uni.createFrom().failure(new AuthenticationFailedException(refused));
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** Why a token issued at {@code iat} and expiring at {@code exp} (epoch seconds, 0 when absent) is refused. */
    String refusal(long iat, long exp, long now) {
        if (iat <= 0) {
            return "The token does not say when it was issued";
        }
        if (iat > now + skewSeconds) {
            return "The token was issued in the future";
        }
        if (exp - iat > maxLifetimeSeconds) {
            return "The token is valid for longer than screening.auth.jwt-max-lifetime";
        }
        return null;
    }
}
