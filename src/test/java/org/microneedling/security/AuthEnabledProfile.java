package org.microneedling.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The packaged defaults for security (authentication on), with the test key file, a trusted JWT key, one allowed
 * CORS origin, a TLS-terminating proxy in front, and the whole log at DEBUG into a file that {@link PhiSafeLoggingTest} reads.
 */
public class AuthEnabledProfile implements QuarkusTestProfile {

    static final String ALLOWED_ORIGIN = "https://frontdesk.clinic.test";
    static final String LOG_FILE = "target/security-test-debug.log";
    static final String AUDIT_DB_URL = "jdbc:h2:mem:security-test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("screening.auth.enabled", "true"),
                Map.entry("screening.auth.api-keys-file", TestCredentials.KEY_FILE.toString()),
                Map.entry("screening.auth.reload-interval", "200ms"),
                Map.entry("mp.jwt.verify.publickey.location", TestCredentials.PUBLIC_KEY.toUri().toString()),
                Map.entry("mp.jwt.verify.issuer", TestCredentials.ISSUER),
                Map.entry("quarkus.http.cors.origins", ALLOWED_ORIGIN),
                Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                Map.entry("audit.db.url", AUDIT_DB_URL),
                Map.entry("quarkus.log.level", "DEBUG"),
                Map.entry("quarkus.log.console.level", "INFO"),
                Map.entry("quarkus.log.file.enabled", "true"),
                Map.entry("quarkus.log.file.level", "DEBUG"),
                Map.entry("quarkus.log.file.path", LOG_FILE),
                Map.entry("quarkus.log.file.rotation.rotate-on-boot", "true"),
                // The test's own HTTP client shares the JVM and would log the bodies it sends; it is not the service.
                Map.entry("quarkus.log.category.\"org.apache.http\".level", "INFO"));
    }
}
