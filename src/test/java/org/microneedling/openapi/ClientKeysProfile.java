package org.microneedling.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Authentication on, with one key per role of one clinic, an audit journal of its own, and the public address a
 * deployment names in its API document.
 */
public class ClientKeysProfile implements QuarkusTestProfile {

    static final String DESK = "key-client-desk-5e21";
    static final String PROVIDER = "key-client-provider-0c4b";
    static final String ADMIN = "key-client-admin-93fa";
    static final String DIRECTOR = "key-client-director-77d0";

    static final String SERVER_URL = "https://screening.clinic.example";

    static final Path DIRECTORY = Path.of("target", "client-test-" + UUID.randomUUID());

    static {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve("api-keys"), String.join("\n",
                    "client-desk screening,audit " + sha256(DESK) + " riverside",
                    "client-provider provider " + sha256(PROVIDER) + " riverside",
                    "client-admin admin " + sha256(ADMIN) + " riverside",
                    "client-director medical-director " + sha256(DIRECTOR) + " riverside") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "screening.auth.enabled", "true",
                "screening.auth.api-keys-file", DIRECTORY.resolve("api-keys").toString(),
                "audit.data-dir", DIRECTORY.resolve("audit").toString(),
                "screening.openapi.server-url", SERVER_URL);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
