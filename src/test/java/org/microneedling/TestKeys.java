package org.microneedling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** API keys for the test profiles that switch authentication on: a key file and an audit journal of their own. */
public final class TestKeys {

    /** One line of the key file, with the key in clear (the file holds its SHA-256). */
    public record Key(String client, String roles, String secret, String clinic) {
    }

    private TestKeys() {
    }

    /**
     * Writes {@code keys} to a new folder under target/ and answers the configuration that uses them: authentication
     * on, that key file, and an audit journal in the same folder, so that what one profile's tests record stays
     * with them.
     */
    public static Map<String, String> authenticationWith(String folderPrefix, Key... keys) {
        Path directory = Path.of("target", folderPrefix + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("api-keys"), Arrays.stream(keys)
                    .map(key -> key.client() + " " + key.roles() + " " + sha256(key.secret()) + " " + key.clinic())
                    .collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "screening.auth.enabled", "true",
                "screening.auth.api-keys-file", directory.resolve("api-keys").toString(),
                "audit.data-dir", directory.resolve("audit").toString());
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
