package org.microneedling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;

/**
 * The real Keycloak that {@code .ci/keycloak.sh} starts, with the realm of {@code src/test/resources/keycloak}: two
 * clinics, each with a receptionist, a provider and a medical director, and machine clients for bearer tokens.
 * Outside CI the sign-in tests are skipped when no Keycloak was started; in CI ({@code CI} set) they must run.
 */
public final class KeycloakRealm {

    /** The realm's issuer, e.g. {@code http://localhost:26878/realms/microneedling}; null when none was started. */
    public static final String URL = System.getenv("KEYCLOAK_TEST_URL");
    /** Keycloak itself, e.g. {@code http://localhost:26878}. */
    public static final String BASE = URL == null ? null : URL.substring(0, URL.indexOf("/realms/"));
    public static final String PASSWORD = "Screening-Test-1";
    public static final String FRONT_DESK_CLIENT = "frontdesk";
    public static final String FRONT_DESK_SECRET = "frontdesk-test-secret-0123456789abcdef";
    public static final String AUDIENCE = "microneedling-screening";
    static final String BOOKING_TOOL = "booking-tool";
    static final String BOOKING_TOOL_SECRET = "booking-tool-test-secret-0123456789abcdef";
    static final String OTHER_AUDIENCE = "other-service";
    static final String OTHER_AUDIENCE_SECRET = "other-service-test-secret-0123456789abcdef";
    static final String SHORT_LIVED = "short-lived";
    static final String SHORT_LIVED_SECRET = "short-lived-test-secret-0123456789abcdef";

    private static final Duration STARTUP = Duration.ofMinutes(6);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile boolean ready;

    private KeycloakRealm() {
    }

    /** Skips the test without a Keycloak outside CI, fails it in CI, and waits for Keycloak to answer. */
    public static void assumeRunning() {
        if (URL == null) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("KEYCLOAK_TEST_URL is not set: .ci/run must source .ci/keycloak.sh");
            }
            Assumptions.abort("No Keycloak started; run: source .ci/keycloak.sh");
        }
        awaitReady();
    }

    private static synchronized void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP);
        while (!ready) {
            try {
                HttpResponse<String> discovery = HTTP.send(HttpRequest.newBuilder(
                        URI.create(URL + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                ready = discovery.statusCode() == 200;
            } catch (IOException notYet) {
                // Keycloak is still starting.
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
            if (!ready) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Keycloak did not answer at " + URL + " within " + STARTUP
                            + "; see KEYCLOAK_TEST_LOG=" + System.getenv("KEYCLOAK_TEST_LOG"));
                }
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    /** An access token of a machine client (client credentials grant). */
    static String clientToken(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** An access token of a person, with the front desk's client (resource owner password grant, tests only). */
    public static String personToken(String username) {
        return token(Map.of("grant_type", "password", "client_id", FRONT_DESK_CLIENT, "client_secret",
                FRONT_DESK_SECRET, "username", username, "password", PASSWORD, "scope", "openid"));
    }

    /** An access token of the master realm's administrator: signed by another key, issued by another issuer. */
    static String otherRealmToken() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "admin-cli");
        form.put("username", "admin");
        form.put("password", "admin");
        return token(BASE + "/realms/master/protocol/openid-connect/token", form);
    }

    /** The number of sessions the realm holds for a user, read with the administrator's token. */
    public static int sessionsOf(String username) {
        String admin = otherRealmToken();
        JsonNode users = get(BASE + "/admin/realms/microneedling/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), admin);
        assertThat(users.size()).as("users named " + username).isEqualTo(1);
        return get(BASE + "/admin/realms/microneedling/users/" + users.get(0).path("id").asText() + "/sessions",
                admin).size();
    }

    private static String token(Map<String, String> form) {
        return token(URL + "/protocol/openid-connect/token", form);
    }

    private static String token(String endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as("token endpoint: " + response.body()).isEqualTo(200);
        return read(response.body()).path("access_token").asText();
    }

    private static JsonNode get(String url, String bearer) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer).GET().build());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return read(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        awaitReady();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Keycloak did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Keycloak answered something that is not JSON: " + json, e);
        }
    }

    /** Waits on the wall clock: token lifetimes and idle timeouts are real time. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
