package org.microneedling.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.microneedling.common.ClinicId;

/**
 * The API keys the service accepts, as SHA-256 hashes read from the key file. The file is polled and re-read
 * when its content changes. On a first start without a key file, one key for client {@code local} with every
 * role is created: only its hash is written, and the key itself is logged once.
 */
@ApplicationScoped
class ApiKeyStore {

    static final String BOOTSTRAP_CLIENT = "local";
    static final String DEFAULT_FILE_NAME = "api-keys";
    private static final int MAX_KEY_LENGTH = 512;
    private static final Logger LOG = Logger.getLogger(ApiKeyStore.class);

    private final AuthConfig config;
    private final Path file;
    private volatile List<KeyFile.Entry> entries = List.of();
    private volatile byte[] loadedDigest;
    private ScheduledExecutorService watcher;

    ApiKeyStore(AuthConfig config, @ConfigProperty(name = "audit.data-dir", defaultValue = "data") Path dataDir) {
        this.config = config;
        this.file = config.apiKeysFile().orElse(dataDir.resolve(DEFAULT_FILE_NAME));
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (!Files.exists(file)) {
            createBootstrapKey();
        }
        if (!reload()) {
            throw new IllegalStateException("The API key file " + file + " cannot be read (screening.auth.api-keys-file)");
        }
        long interval = Math.max(100, config.reloadInterval().toMillis());
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "api-key-file-watcher");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::reload, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    Path file() {
        return file;
    }

    /** The key's entry, compared in constant time against every known hash so that timing tells nothing. */
    Optional<KeyFile.Entry> find(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = sha256(presentedKey.getBytes(StandardCharsets.UTF_8));
        KeyFile.Entry match = null;
        for (KeyFile.Entry entry : entries) {
            if (MessageDigest.isEqual(hash, entry.keyHash()) && match == null) {
                match = entry;
            }
        }
        return Optional.ofNullable(match);
    }

    /** Re-reads the file if its content changed; false when it cannot be read at all. */
    synchronized boolean reload() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            if (!entries.isEmpty() || loadedDigest == null) {
                LOG.warnf("API key file %s is gone: no API key is accepted until it is back", file);
            }
            entries = List.of();
            loadedDigest = new byte[0];
            return false;
        } catch (IOException e) {
            LOG.errorf("API key file %s cannot be read (%s); keeping the keys loaded before", file,
                    e.getClass().getSimpleName());
            return false;
        }
        byte[] digest = sha256(content);
        if (loadedDigest != null && MessageDigest.isEqual(digest, loadedDigest)) {
            return true;
        }
        KeyFile.Parsed parsed = KeyFile.parse(new String(content, StandardCharsets.UTF_8).lines().toList());
        for (String error : parsed.errors()) {
            LOG.errorf("API key file %s, %s; that line is ignored", file, error);
        }
        boolean first = loadedDigest == null;
        entries = parsed.entries();
        loadedDigest = digest;
        long clients = parsed.entries().stream().map(KeyFile.Entry::clientId).distinct().count();
        long clinics = parsed.entries().stream().map(KeyFile.Entry::clinicId).distinct().count();
        LOG.infof("API key file %s %s: %d key(s) for %d client(s) in %d clinic(s)", file,
                first ? "loaded" : "reloaded", parsed.entries().size(), clients, clinics);
        if (parsed.entries().isEmpty()) {
            LOG.warnf("API key file %s holds no usable key: only JWT bearer tokens can authenticate", file);
        }
        return true;
    }

    private void createBootstrapKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = "mnk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String hash = HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8)));
        String content = "# API keys: <client-id> <roles, comma-separated> <sha256 hex of the key> [<clinic>, "
                + "else " + ClinicId.DEFAULT + "]. See docs/security.md.\n"
                + KeyFile.line(BOOTSTRAP_CLIENT, Roles.ALL, hash) + "\n";
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            return;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the API key file " + file + ": " + e.getMessage(), e);
        }
        // The one place a key is ever written out: the operator has no other way to learn it.
        LOG.warnf("%n========================================================================%n"
                + "FIRST START: created an API key for client '%s' of clinic '%s' with roles %s.%n"
                + "Only its SHA-256 is stored, in %s; the key is shown this once:%n%n"
                + "    X-API-Key: %s%n%n"
                + "Send it in the X-API-Key header. See docs/security.md to add clients and rotate keys.%n"
                + "========================================================================",
                BOOTSTRAP_CLIENT, ClinicId.DEFAULT, String.join(",", Roles.ALL.stream().sorted().toList()), file,
                key);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
