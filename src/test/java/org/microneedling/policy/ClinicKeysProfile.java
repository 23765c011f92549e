package org.microneedling.policy;

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
 * Authentication on, with keys for two clinics, each with a medical director, an operator and a front desk, and an
 * audit journal of its own: what one test activates stays with it.
 */
public class ClinicKeysProfile implements QuarkusTestProfile {

    static final String LAKESIDE = "lakeside";
    static final String HARBOR = "harbor";
    static final String LAKESIDE_DIRECTOR = "key-lakeside-director-3b9d";
    static final String LAKESIDE_ADMIN = "key-lakeside-admin-77c1";
    static final String LAKESIDE_DESK = "key-lakeside-desk-19aa";
    static final String HARBOR_DIRECTOR = "key-harbor-director-5e20";
    static final String HARBOR_DESK = "key-harbor-desk-c4f8";

    private static final Path DIRECTORY = Path.of("target", "policy-test-" + UUID.randomUUID());

    static {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve("api-keys"), String.join("\n",
                    "lakeside-director medical-director " + sha256(LAKESIDE_DIRECTOR) + " " + LAKESIDE,
                    "lakeside-admin admin " + sha256(LAKESIDE_ADMIN) + " " + LAKESIDE,
                    "lakeside-desk screening " + sha256(LAKESIDE_DESK) + " " + LAKESIDE,
                    "harbor-director medical-director " + sha256(HARBOR_DIRECTOR) + " " + HARBOR,
                    "harbor-desk screening,audit " + sha256(HARBOR_DESK) + " " + HARBOR) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "screening.auth.enabled", "true",
                "screening.auth.api-keys-file", DIRECTORY.resolve("api-keys").toString(),
                "audit.data-dir", DIRECTORY.resolve("audit").toString());
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
