package org.microneedling.security;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** States the security posture at start, and refuses to start with a CORS wildcard. */
@ApplicationScoped
class SecurityStartup {

    private static final Logger LOG = Logger.getLogger(SecurityStartup.class);
    private static final String PROBE_ORIGIN = "https://any-other-site.invalid";

    private final AuthConfig auth;
    private final RateLimitConfig rateLimit;
    private final Challenges challenges;
    private final Optional<List<String>> corsOrigins;

    SecurityStartup(AuthConfig auth, RateLimitConfig rateLimit, Challenges challenges,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> corsOrigins) {
        this.auth = auth;
        this.rateLimit = rateLimit;
        this.challenges = challenges;
        this.corsOrigins = corsOrigins;
    }

    void check(@Observes StartupEvent event) {
        List<String> wildcards = wildcards(corsOrigins.orElse(List.of()));
        if (!wildcards.isEmpty()) {
            throw new IllegalStateException("quarkus.http.cors.origins must list exact origins; " + wildcards
                    + " would let any web site call the API with a user's credentials");
        }
        if (auth.enabled()) {
            LOG.infof("Authentication on: API keys%s; per-client rate limit %s", challenges.jwtConfigured()
                    ? " and JWT bearer tokens" : " (JWT off: no mp.jwt.verify.publickey.location)",
                    rateLimit.enabled() ? rateLimit.requestsPerSecond() + "/s, burst " + rateLimit.burst() : "off");
        } else {
            LOG.warn("Authentication is OFF (screening.auth.enabled=false): anyone who can reach this port can "
                    + "screen and read decisions, and no client id is audited. Use this for local development only.");
        }
        LOG.infof("CORS %s", corsOrigins.map(origins -> "allowed for " + origins).orElse("off (same origin only)"));
    }

    /** The configured origins that would admit any site: {@code *} or a pattern that matches an unrelated origin. */
    static List<String> wildcards(List<String> origins) {
        return origins.stream().map(String::strip).filter(SecurityStartup::admitsAnySite).toList();
    }

    private static boolean admitsAnySite(String origin) {
        if (origin.contains("*") && !(origin.startsWith("/") && origin.endsWith("/"))) {
            return true;
        }
        if (origin.length() > 1 && origin.startsWith("/") && origin.endsWith("/")) {
            try {
                return Pattern.compile(origin.substring(1, origin.length() - 1)).matcher(PROBE_ORIGIN).matches();
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
        return false;
    }
}
