package org.microneedling.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The rules of a signed-in person's session, kept in the browser and signed here so that any instance can check
 * them: the idle deadline (an HttpOnly cookie renewed by every request) and the CSRF token the page sends with every
 * change (derived from the session, so it cannot be read or guessed by another site).
 */
@ApplicationScoped
public class StaffSessions {

    static final String ACTIVITY_COOKIE = "screening-activity";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** The OIDC extension's session cookie for the default tenant, split into numbered chunks when large. */
    static final String SESSION_COOKIE = "q_session";
    /**
     * A sign-in this recent (or within the idle timeout, if shorter) counts as fresh even without an idle deadline
     * yet: the landing from the provider.
     */
    static final long FRESH_SIGN_IN_SECONDS = 120;

    private static final Logger LOG = Logger.getLogger(StaffSessions.class);

    private final boolean enabled;
    private final long idleSeconds;
    private final SecretKeySpec key;
    private final Clock clock;

    @Inject
    StaffSessions(SignInConfig config,
            @ConfigProperty(name = SignInFollowsProvider.ENABLED, defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.oidc.credentials.secret") Optional<String> clientSecret) {
        this(config, enabled, clientSecret, Clock.systemUTC());
    }

    StaffSessions(SignInConfig config, boolean enabled, Optional<String> clientSecret, Clock clock) {
        this.enabled = enabled;
        this.idleSeconds = Math.max(1, config.idleTimeout().toSeconds());
        this.clock = clock;
        this.key = new SecretKeySpec(keyMaterial(config.secret().or(() -> clientSecret)), "HmacSHA256");
    }

    private static byte[] keyMaterial(Optional<String> secret) {
        if (secret.isPresent() && !secret.get().isBlank()) {
            return hmac(new SecretKeySpec(secret.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                    "microneedling-screening/staff-session/v1");
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    /** Whether staff can sign in at all: the clinic's identity provider is configured. */
    public boolean enabled() {
        return enabled;
    }

    long idleSeconds() {
        return idleSeconds;
    }

    /** True for a person signed in on the page; false for API keys and bearer tokens, which need neither rule. */
    static boolean isSession(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous() && identity.getCredential(IdTokenCredential.class) != null;
    }

    /** The page's CSRF token for this session. */
    String csrfToken(SecurityIdentity identity) {
        return encode(hmac(key, "csrf|" + sessionOf(identity)));
    }

    boolean csrfTokenMatches(SecurityIdentity identity, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(csrfToken(identity).getBytes(StandardCharsets.US_ASCII),
                presented.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** The activity cookie's value after a request now: the new idle deadline, signed for this session. */
    String renewedActivity(SecurityIdentity identity) {
        long deadline = clock.instant().getEpochSecond() + idleSeconds;
        return deadline + "." + encode(hmac(key, "idle|" + sessionOf(identity) + "|" + deadline));
    }

    /** Moves the idle deadline to a full timeout from now. */
    void renewActivity(SecurityIdentity identity, HttpServerRequest request, HttpServerResponse response) {
        response.addCookie(cookie(ACTIVITY_COOKIE, renewedActivity(identity), request).setMaxAge(idleSeconds));
    }

    /** {@link #active(SecurityIdentity, String)} with the activity cookie the request carries. */
    boolean active(SecurityIdentity identity, HttpServerRequest request) {
        Cookie activity = request.getCookie(ACTIVITY_COOKIE);
        return active(identity, activity == null ? null : activity.getValue());
    }

    /** Forgets the session in this browser: the provider's own session is ended only by signing out. */
    static void endLocally(HttpServerRequest request, HttpServerResponse response) {
        for (Cookie sent : request.cookies()) {
            if (sent.getName().startsWith(SESSION_COOKIE) || sent.getName().equals(ACTIVITY_COOKIE)) {
                response.addCookie(cookie(sent.getName(), "", request).setMaxAge(0));
            }
        }
    }

    private static Cookie cookie(String name, String value, HttpServerRequest request) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSecure("https".equals(request.scheme()))
                .setSameSite(CookieSameSite.STRICT);
    }

    /**
     * Whether the session is still in use: its signed idle deadline has not passed, or (with no deadline yet) the
     * person has just signed in at the provider.
     */
    boolean active(SecurityIdentity identity, String activityCookie) {
        long now = clock.instant().getEpochSecond();
        if (activityCookie != null) {
            int dot = activityCookie.indexOf('.');
            if (dot > 0) {
                String deadline = activityCookie.substring(0, dot);
                String expected = encode(hmac(key, "idle|" + sessionOf(identity) + "|" + deadline));
                if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        activityCookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
                    return parse(deadline) > now;
                }
            }
            LOG.debug("An activity cookie that was not signed here was ignored");
        }
        long fresh = Math.min(FRESH_SIGN_IN_SECONDS, idleSeconds);
        return signedInAt(identity).map(at -> now - at.getEpochSecond() <= fresh).orElse(false);
    }

    /**
     * When the person last proved who they are at the provider: {@code auth_time}, which a token refresh keeps,
     * else the ID token's {@code iat}.
     */
    static Optional<Instant> signedInAt(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object authTime = token.getClaim("auth_time");
        long seconds = authTime instanceof Number number ? number.longValue() : parse(String.valueOf(authTime));
        if (seconds <= 0) {
            seconds = token.getIssuedAtTime();
        }
        return seconds > 0 ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
    }

    /** One sign-in at the provider: its session id where the provider gives one, and the person. */
    private static String sessionOf(SecurityIdentity identity) {
        String subject = identity.getPrincipal().getName();
        String session = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            subject = token.getSubject() != null ? token.getSubject() : subject;
            Object sid = token.getClaim("sid");
            session = sid == null ? null : sid.toString();
        }
        return subject + "|" + (session == null ? "" : session);
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits.strip().replace("\"", ""));
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", impossible);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
