package org.microneedling.review;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.microneedling.audit.DecisionLog;

/**
 * The review queue's page cursor: where the last page ended, under which filter, signed with HMAC-SHA256 over the
 * clinic too. A cursor that was changed, or that another clinic was given, fails the signature and is refused;
 * what it holds is a position in the caller's own queue and nothing else.
 */
@Singleton
class QueueCursor {

    private static final Logger LOG = Logger.getLogger(QueueCursor.class);

    private static final String VERSION = "q1";
    private static final int MAX_LENGTH = 256;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;

    QueueCursor(byte[] key) {
        this.key = key.clone();
    }

    /** Signs with {@code reviews.cursor-key}, or with a random key of this instance when it is not set. */
    @Inject
    QueueCursor(ReviewsConfig config, DecisionLog log) {
        this(keyOf(config.cursorKey()));
        if (config.cursorKey().isEmpty() && log.shared()) {
            LOG.warn("reviews.cursor-key is not set: a review-queue cursor works only on the instance that gave it. "
                    + "Give every instance on this database the same key.");
        }
    }

    private static byte[] keyOf(Optional<String> secret) {
        if (secret.isPresent() && !secret.get().isBlank()) {
            return secret.get().getBytes(StandardCharsets.UTF_8);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    /** A position in one clinic's queue under one filter. */
    record Position(QueueFilter filter, QueueKey after) {
    }

    String encode(String clinicId, Position position) {
        String payload = VERSION + "|" + position.filter() + "|" + position.after().evaluatedAt().getEpochSecond()
                + "|" + position.after().evaluatedAt().getNano() + "|" + position.after().screeningId();
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(signature(clinicId, payload));
    }

    /** The position, or empty when the cursor is not one this service gave this clinic. */
    Optional<Position> decode(String clinicId, String cursor) {
        if (cursor == null || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = cursor.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payloadBytes = DECODER.decode(cursor.substring(0, dot));
            String payload = new String(payloadBytes, StandardCharsets.UTF_8);
            byte[] given = DECODER.decode(cursor.substring(dot + 1));
            // The decoder ignores a last character's unused bits; only the one spelling this service writes is taken.
            if (!cursor.equals(ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(given))
                    || !MessageDigest.isEqual(given, signature(clinicId, payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\|", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            Instant evaluatedAt = Instant.ofEpochSecond(Long.parseLong(parts[2]), Long.parseLong(parts[3]));
            return Optional.of(new Position(QueueFilter.valueOf(parts[1]),
                    new QueueKey(evaluatedAt, UUID.fromString(parts[4]))));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private byte[] signature(String clinicId, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(clinicId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
