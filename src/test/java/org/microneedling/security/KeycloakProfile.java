package org.microneedling.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service signed in against the real Keycloak: staff sessions through the OIDC extension's standard
 * properties, and machine bearer tokens checked against the realm's keys, issuer and audience. The idle timeout is
 * short so that a test can wait it out.
 */
public class KeycloakProfile implements QuarkusTestProfile {

    /** Long enough for a browser on a loaded two-core machine to fill the whole form between two requests. */
    public static final int IDLE_SECONDS = 45;
    // Without a Keycloak the tests skip; the service must still start, so it is pointed at an address that refuses.
    private static final String REALM = KeycloakRealm.URL != null ? KeycloakRealm.URL
            : "http://127.0.0.1:9/realms/none";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("screening.auth.enabled", "true"),
                Map.entry("screening.auth.api-keys-file", TestCredentials.KEY_FILE.toString()),
                Map.entry("quarkus.oidc.auth-server-url", REALM),
                Map.entry("quarkus.oidc.client-id", KeycloakRealm.FRONT_DESK_CLIENT),
                Map.entry("quarkus.oidc.credentials.secret", KeycloakRealm.FRONT_DESK_SECRET),
                Map.entry("mp.jwt.verify.publickey.location", REALM + "/protocol/openid-connect/certs"),
                Map.entry("mp.jwt.verify.issuer", REALM),
                Map.entry("mp.jwt.verify.audiences", KeycloakRealm.AUDIENCE),
                // The expiry test waits out a two-second token, not the default minute of clock skew (0 means the
                // default to smallrye-jwt, so one second it is).
                Map.entry("smallrye.jwt.expiration.grace", "1"),
                Map.entry("screening.sign-in.idle-timeout", IDLE_SECONDS + "S"),
                // As behind a TLS-terminating proxy: a request forwarded as https gets Secure cookies.
                Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                Map.entry("audit.db.url", "jdbc:h2:mem:keycloak-test"));
    }
}
