package org.microneedling.frontdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Authentication on, with one key per role in two clinics of their own, and an audit store in memory: the
 * policies these tests activate live and die with the test service and never reach another test's clinic.
 */
public class PolicyPageProfile implements QuarkusTestProfile {

    /** The clinic whose policy the workflow test changes. */
    static final String WORKFLOW_CLINIC = "frontdesk-policy";
    static final String DIRECTOR_KEY = "test-director-key-5a1c";
    static final String ADMIN_KEY = "test-policy-admin-key-7e2b";
    static final String RECEPTION_KEY = "test-reception-key-3d9f";

    /** A clinic whose policy nobody activates, for the tests that read, draft and replay. */
    static final String READING_CLINIC = "frontdesk-reading";
    /** A medical director who screens patients too. */
    static final String READING_DIRECTOR_KEY = "test-reading-director-key-8b4e";
    static final String READING_ADMIN_KEY = "test-reading-admin-key-2f6a";
    static final String READING_RECEPTION_KEY = "test-reading-reception-key-9c0d";

    static final Path KEY_FILE = writeKeyFile(List.of(
            line("director", "medical-director", DIRECTOR_KEY, WORKFLOW_CLINIC),
            line("operator", "admin", ADMIN_KEY, WORKFLOW_CLINIC),
            line("reception", "screening", RECEPTION_KEY, WORKFLOW_CLINIC),
            line("reading-director", "medical-director,screening", READING_DIRECTOR_KEY, READING_CLINIC),
            line("reading-operator", "admin", READING_ADMIN_KEY, READING_CLINIC),
            line("reading-reception", "screening", READING_RECEPTION_KEY, READING_CLINIC)));

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "screening.auth.enabled", "true",
                "screening.auth.api-keys-file", KEY_FILE.toString(),
                "audit.db.url", "jdbc:h2:mem:frontdesk-policy-test");
    }

    static String line(String clientId, String roles, String key, String clinicId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return clientId + " " + roles + " " + HexFormat.of().formatHex(hash) + " " + clinicId;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writeKeyFile(List<String> lines) {
        return writeKeyFile("frontdesk-policy-test", lines);
    }

    static Path writeKeyFile(String directoryPrefix, List<String> lines) {
        try {
            Path file = Files.createTempDirectory(directoryPrefix).resolve("api-keys");
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
