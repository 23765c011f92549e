package org.microneedling.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The canonical bytes of a record and its SHA-256 chain hash (layout in docs/audit.md, "Chain format").
 * Each field is encoded as {@code 0x00} when null, else {@code 0x01}, its UTF-8 length as a 4-byte big-endian
 * integer, and the UTF-8 bytes, so no two different records share an encoding whatever their contents.
 */
public final class ChainHash {

    /** The format of a record without kind and clinic: every record stored before they existed. */
    static final String VERSION = "microneedling-audit/v1";
    /** The format of a record with a kind or a clinic: the v1 fields, then both. */
    public static final String VERSION_2 = "microneedling-audit/v2";
    /** The previous hash of a chain's first record. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    /**
     * The fields that the hash covers, as they are stored: the entry and its place in the chain.
     *
     * @param entry the entry with {@code evaluatedAt} as stored ({@link AuditRecords#content})
     */
    public record Content(String chainId, long seq, String prevHash, AuditEntry entry, Instant recordedAt) {
    }

    public static String hash(Content content) {
        return HexFormat.of().formatHex(sha256().digest(canonicalBytes(content)));
    }

    /** The content that {@link #canonicalBytes} encoded; the journal stores records in exactly this form. */
    public static Content parse(byte[] canonical) {
        Fields fields = new Fields(canonical);
        String version = fields.next();
        boolean v2 = VERSION_2.equals(version);
        if (!v2 && !VERSION.equals(version)) {
            throw new IllegalArgumentException("Not a " + VERSION + " or " + VERSION_2 + " record");
        }
        String chainId = fields.next();
        long seq = Long.parseLong(fields.next());
        String prevHash = fields.next();
        UUID screeningId = UUID.fromString(fields.next());
        String request = fields.next();
        String result = fields.next();
        String rulesetName = fields.next();
        String rulesetVersion = fields.next();
        String rulesetDigest = fields.next();
        String asOf = fields.next();
        String externalReference = fields.next();
        String clientId = fields.next();
        String sourceFormat = fields.next();
        Instant evaluatedAt = fromMicros(fields.next());
        Instant recordedAt = fromMicros(fields.next());
        String kind = v2 ? fields.next() : null;
        String clinicId = v2 ? fields.next() : null;
        AuditEntry entry = new AuditEntry(screeningId, request, result, rulesetName, rulesetVersion, rulesetDigest,
                asOf == null ? null : LocalDate.parse(asOf), externalReference, clientId, sourceFormat, evaluatedAt,
                kind, clinicId);
        return new Content(chainId, seq, prevHash, entry, recordedAt);
    }

    /** Field positions of {@link #canonicalBytes}, counted from 0 (the format version). */
    public static final int SEQ_FIELD = 2;
    public static final int SCREENING_ID_FIELD = 4;
    public static final int RESULT_FIELD = 6;
    public static final int RECORDED_AT_FIELD = 15;
    /** Only in {@link #VERSION_2} records. */
    public static final int KIND_FIELD = 16;
    /** Only in {@link #VERSION_2} records. */
    public static final int CLINIC_FIELD = 17;

    /** One field of canonical bytes, without decoding the others: looking a record up need not parse it. */
    public static String field(byte[] canonical, int index) {
        Fields fields = new Fields(canonical);
        for (int i = 0; i < index; i++) {
            fields.skip();
        }
        return fields.next();
    }

    /** Whether field {@code index} holds exactly {@code expected} (UTF-8), compared without making a string. */
    public static boolean fieldEquals(byte[] canonical, int index, byte[] expected) {
        Fields fields = new Fields(canonical);
        for (int i = 0; i < index; i++) {
            fields.skip();
        }
        return fields.nextEquals(expected);
    }

    private static Instant fromMicros(String micros) {
        return micros == null ? null : Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS);
    }

    /** Reads the length-prefixed fields in order; a malformed record fails with IllegalArgumentException. */
    private static final class Fields {
        private final byte[] bytes;
        private int position;

        Fields(byte[] bytes) {
            this.bytes = bytes;
        }

        String next() {
            int length = length();
            if (length < 0) {
                return null;
            }
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        void skip() {
            int length = length();
            if (length > 0) {
                position += length;
            }
        }

        boolean nextEquals(byte[] expected) {
            int length = length();
            if (length != expected.length) {
                return false;
            }
            boolean equal = Arrays.equals(bytes, position, position + length, expected, 0, length);
            position += length;
            return equal;
        }

        /** -1 for a null field. */
        private int length() {
            if (position >= bytes.length) {
                throw new IllegalArgumentException("Record ends before its last field");
            }
            byte marker = bytes[position++];
            if (marker == 0) {
                return -1;
            }
            if (marker != 1 || position + 4 > bytes.length) {
                throw new IllegalArgumentException("Malformed field at byte " + (position - 1));
            }
            int length = ((bytes[position] & 0xff) << 24) | ((bytes[position + 1] & 0xff) << 16)
                    | ((bytes[position + 2] & 0xff) << 8) | (bytes[position + 3] & 0xff);
            position += 4;
            if (length < 0 || position + length > bytes.length) {
                throw new IllegalArgumentException("Field length " + length + " runs past the record");
            }
            return length;
        }
    }

    public static byte[] canonicalBytes(Content c) {
        AuditEntry e = c.entry();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + e.request().length() + e.result().length());
        // A record without kind and clinic keeps the v1 bytes, so every record stored before them still verifies.
        boolean v2 = e.kind() != null || e.clinicId() != null;
        field(out, v2 ? VERSION_2 : VERSION);
        field(out, c.chainId());
        field(out, Long.toString(c.seq()));
        field(out, c.prevHash());
        field(out, e.screeningId().toString());
        field(out, e.request());
        field(out, e.result());
        field(out, e.rulesetName());
        field(out, e.rulesetVersion());
        field(out, e.rulesetDigest());
        field(out, e.asOf() == null ? null : e.asOf().toString());
        field(out, e.externalReference());
        field(out, e.clientId());
        field(out, e.sourceFormat());
        field(out, Long.toString(epochMicros(e.evaluatedAt())));
        field(out, Long.toString(epochMicros(c.recordedAt())));
        if (v2) {
            field(out, e.kind());
            field(out, e.clinicId());
        }
        return out.toByteArray();
    }

    /** Both engines keep microseconds; a record is hashed with exactly the instant it can be read back with. */
    public static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static long epochMicros(Instant instant) {
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

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
