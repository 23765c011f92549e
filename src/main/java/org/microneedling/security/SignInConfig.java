package org.microneedling.security;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Staff sessions of the front-desk page, opened by signing in with the clinic's identity provider (the standard
 * {@code quarkus.oidc.*} properties name the provider; these only shape the session).
 */
@ConfigMapping(prefix = "screening.sign-in")
interface SignInConfig {

    /** A session with no request for this long ends; the page asks the person to sign in again. */
    @WithDefault("15M")
    Duration idleTimeout();

    /**
     * Signs the idle deadline and the page's CSRF token; every instance behind one address needs the same value.
     * Default: derived from {@code quarkus.oidc.credentials.secret}.
     */
    Optional<String> secret();
}
