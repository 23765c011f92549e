package org.microneedling.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The canonical bytes of a record and its SHA-256 chain hash (layout in docs/audit.md, "Chain format").
 * Each field is encoded as {@code 0x00} when null, else {@code 0x01}, its UTF-8 length as a 4-byte big-endian
 * integer, and the UTF-8 bytes, so no two different records share an encoding whatever their contents.
 */
final class ChainHash {

    static final String VERSION = "microneedling-audit/v1";
    /** The previous hash of a chain's first record. */
    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    /** The fields that the hash covers, as they are stored. */
    record Content(
            String chainId,
            long seq,
            String prevHash,
            UUID screeningId,
            String request,
            String result,
            String rulesetName,
            String rulesetVersion,
            String rulesetDigest,
            LocalDate asOf,
            String externalReference,
            String clientId,
            String sourceFormat,
            Instant evaluatedAt,
            Instant recordedAt) {
    }

    static String hash(Content content) {
        return HexFormat.of().formatHex(sha256().digest(canonicalBytes(content)));
    }

    static byte[] canonicalBytes(Content c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + c.request().length() + c.result().length());
        field(out, VERSION);
        field(out, c.chainId());
        field(out, Long.toString(c.seq()));
        field(out, c.prevHash());
        field(out, c.screeningId().toString());
        field(out, c.request());
        field(out, c.result());
        field(out, c.rulesetName());
        field(out, c.rulesetVersion());
        field(out, c.rulesetDigest());
        field(out, c.asOf() == null ? null : c.asOf().toString());
        field(out, c.externalReference());
        field(out, c.clientId());
        field(out, c.sourceFormat());
        field(out, Long.toString(epochMicros(c.evaluatedAt())));
        field(out, Long.toString(epochMicros(c.recordedAt())));
        return out.toByteArray();
    }

    /** Both engines keep microseconds; a record is hashed with exactly the instant it can be read back with. */
    static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write(0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(1);
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
