package org.microneedling.review;

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
 * Authentication on, with keys for two clinics: lakeside has a provider, a medical director, an operator and a
 * front desk; harbor a provider and a front desk. An audit journal of its own.
 */
public class ReviewKeysProfile implements QuarkusTestProfile {

    static final String LAKESIDE = "lakeside";
    static final String HARBOR = "harbor";
    static final String LAKESIDE_PROVIDER = "key-lakeside-provider-41d2";
    static final String LAKESIDE_DIRECTOR = "key-lakeside-director-9c07";
    static final String LAKESIDE_ADMIN = "key-lakeside-admin-e5b8";
    static final String LAKESIDE_DESK = "key-lakeside-desk-2a6f";
    static final String HARBOR_PROVIDER = "key-harbor-provider-7f31";
    static final String HARBOR_DESK = "key-harbor-desk-0b9e";

    static final Path DIRECTORY = Path.of("target", "review-test-" + UUID.randomUUID());

    static {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve("api-keys"), String.join("\n",
                    "lakeside-provider provider " + sha256(LAKESIDE_PROVIDER) + " " + LAKESIDE,
                    "lakeside-director medical-director " + sha256(LAKESIDE_DIRECTOR) + " " + LAKESIDE,
                    "lakeside-admin admin " + sha256(LAKESIDE_ADMIN) + " " + LAKESIDE,
                    "lakeside-desk screening,audit " + sha256(LAKESIDE_DESK) + " " + LAKESIDE,
                    "harbor-provider provider " + sha256(HARBOR_PROVIDER) + " " + HARBOR,
                    "harbor-desk screening " + sha256(HARBOR_DESK) + " " + HARBOR) + "\n");
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
