package org.microneedling.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Credentials made for the security tests when the test JVM starts: a key file with one key per role, and an RSA
 * key pair whose public half the service trusts for JWTs. Nothing here is committed or reused outside the tests.
 */
final class TestCredentials {

    static final String ISSUER = "https://idp.test.invalid";
    static final String SCREENING_CLIENT = "clinic-a";
    static final String SCREENING_KEY = "test-screening-key-6f1e2d";
    static final String SECOND_SCREENING_CLIENT = "clinic-b";
    static final String SECOND_SCREENING_KEY = "test-screening-key-second-91ab";
    static final String AUDIT_CLIENT = "auditor";
    static final String AUDIT_KEY = "test-audit-key-4c3b2a";
    static final String ADMIN_CLIENT = "operator";
    static final String ADMIN_KEY = "test-admin-key-0d9e8f";
    static final String NORTH_CLINIC = "north";
    static final String NORTH_CLIENT = "north-intake";
    static final String NORTH_KEY = "test-north-key-5a7c1e";
    static final String PROVIDER_CLIENT = "dr-provider";
    static final String PROVIDER_KEY = "test-provider-key-8b2f4d";
    static final String MEDICAL_DIRECTOR_CLIENT = "dr-director";
    static final String MEDICAL_DIRECTOR_KEY = "test-medical-director-key-3e6a9c";
    /** Its line names a clinic that is no clinic id, so the loader skips it and keeps the others. */
    static final String MALFORMED_CLINIC_KEY = "test-malformed-clinic-key-7d1b0f";
    static final int MALFORMED_CLINIC_LINE = 10;

    static final Path DIRECTORY = directory();
    static final Path KEY_FILE = DIRECTORY.resolve("api-keys");
    static final KeyPair TRUSTED = rsa();
    static final KeyPair UNTRUSTED = rsa();
    static final Path PUBLIC_KEY = writePublicKey(TRUSTED);

    private TestCredentials() {
    }

    static {
        writeDefaultKeyFile();
    }

    /**
     * One key per role, one of clinic {@link #NORTH_CLINIC}, with a comment, a blank line and a line with a malformed
     * clinic that the parser must skip.
     */
    static void writeDefaultKeyFile() {
        writeKeyFile(List.of(
                "# test keys",
                "",
                line(SCREENING_CLIENT, "screening", SCREENING_KEY),
                line(SECOND_SCREENING_CLIENT, "screening", SECOND_SCREENING_KEY),
                line(AUDIT_CLIENT, "audit", AUDIT_KEY),
                line(ADMIN_CLIENT, "admin", ADMIN_KEY),
                line(NORTH_CLIENT, "screening,audit", NORTH_KEY) + " " + NORTH_CLINIC,
                line(PROVIDER_CLIENT, "provider", PROVIDER_KEY),
                line(MEDICAL_DIRECTOR_CLIENT, "medical-director", MEDICAL_DIRECTOR_KEY),
                line("malformed-clinic", "screening", MALFORMED_CLINIC_KEY) + " North_Clinic"));
    }

    static String line(String clientId, String roles, String key) {
        return clientId + " " + roles + " " + sha256Hex(key);
    }

    static void writeKeyFile(List<String> lines) {
        try {
            Path temporary = Files.createTempFile(DIRECTORY, "api-keys", ".tmp");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, KEY_FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256Hex(String key) {
        return HexFormat.of().formatHex(ApiKeyStore.sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** A token the service accepts: trusted key, right issuer, one hour of validity. */
    static String token(String subject, Set<String> groups) {
        return claims(subject, groups).sign(TRUSTED.getPrivate());
    }

    static JwtClaimsBuilder claims(String subject, Set<String> groups) {
        return Jwt.issuer(ISSUER).subject(subject).groups(groups).expiresIn(3600);
    }

    private static Path directory() {
        try {
            return Files.createTempDirectory("screening-security-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey(KeyPair pair) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = DIRECTORY.resolve("jwt-public.pem");
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
