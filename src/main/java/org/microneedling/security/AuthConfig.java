package org.microneedling.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may call the API: API keys from a key file, and JWT bearer tokens when a public key is configured. */
@ConfigMapping(prefix = "screening.auth")
interface AuthConfig {

    /** Requires credentials on every API call; false only for local development (a warning is logged at start). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Key file of {@code <client-id> <roles> <sha256 hex of the key> [<clinic>]} lines; default
     * {@code <audit.data-dir>/api-keys}.
     */
    Optional<Path> apiKeysFile();

    /** How often the key file is checked for changes; a changed file takes effect without a restart. */
    @WithDefault("2s")
    Duration reloadInterval();

    /** How far a JWT's {@code iat} may lie in the future: the issuer's clock and ours may differ a little. */
    @WithDefault("60s")
    Duration jwtClockSkew();

    /** The longest a JWT may be valid for ({@code exp} minus {@code iat}); a longer one is refused whatever its expiry. */
    @WithDefault("24h")
    Duration jwtMaxLifetime();
}
