package org.microneedling.cdshooks;

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
 * Authentication on, with keys for two clinics: an EHR's key (screening, audit) and a provider in each, and an
 * operator in lakeside. An audit journal of its own.
 */
public class CdsKeysProfile implements QuarkusTestProfile {

    static final String LAKESIDE_EHR = "key-cds-lakeside-ehr-5c1e";
    static final String LAKESIDE_PROVIDER = "key-cds-lakeside-provider-80aa";
    static final String LAKESIDE_ADMIN = "key-cds-lakeside-admin-33f0";
    static final String HARBOR_EHR = "key-cds-harbor-ehr-d47b";

    private static final Path DIRECTORY = Path.of("target", "cds-test-" + UUID.randomUUID());

    static {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve("api-keys"), String.join("\n",
                    "lakeside-ehr screening,audit " + sha256(LAKESIDE_EHR) + " lakeside",
                    "lakeside-provider provider " + sha256(LAKESIDE_PROVIDER) + " lakeside",
                    "lakeside-admin admin " + sha256(LAKESIDE_ADMIN) + " lakeside",
                    "harbor-ehr screening,audit " + sha256(HARBOR_EHR) + " harbor") + "\n");
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
