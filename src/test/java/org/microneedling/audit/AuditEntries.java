package org.microneedling.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.microneedling.common.ClinicId;

/** Test entries. The request and result carry characters outside ASCII so exact read-back is meaningful. */
public final class AuditEntries {

    static final String DEFAULT_RULESET_NAME = "microneedling";
    static final String DEFAULT_RULESET_VERSION = "1.0.0";
    static final String DEFAULT_RULESET_DIGEST = "sha256:5d41402abc4b2a76b9719d911017c592";
    static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 25);
    static final String DEFAULT_SOURCE_FORMAT = "json";

    private AuditEntries() {
    }

    public static AuditEntry entry() {
        return entry(UUID.randomUUID());
    }

    /** A screening of the {@code default} clinic, as the service records one. */
    public static AuditEntry entry(UUID screeningId) {
        String request = "{\"externalReference\":\"visit-0042\",\"answers\":{\"pregnant\":false},"
                + "\"notes\":\"Rötung nach Sonne – ok ✓\"}";
        String result = "{\"screeningId\":\"" + screeningId + "\",\"outcome\":\"REFER_TO_PROVIDER\","
                + "\"reasons\":[{\"code\":\"KELOID_HISTORY\",\"message\":\"Narbenbildung prüfen\"}]}";
        return new AuditEntry(screeningId, request, result, DEFAULT_RULESET_NAME, DEFAULT_RULESET_VERSION,
                DEFAULT_RULESET_DIGEST, DEFAULT_AS_OF, "visit-0042", null, DEFAULT_SOURCE_FORMAT,
                Instant.parse("2026-11-25T10:15:30.123456789Z"), AuditEntry.SCREENING, ClinicId.DEFAULT);
    }

    /** A record of any kind and clinic, evaluated at {@code evaluatedAt}, with a time-ordered id. */
    public static AuditEntry record(String kind, String clinicId, Instant evaluatedAt) {
        UUID id = timeOrderedId();
        return new AuditEntry(id, "{\"kind\":\"" + kind + "\"}", "{\"id\":\"" + id + "\",\"clinic\":\"" + clinicId
                + "\"}", null, null, null, null, null, "client-" + clinicId, "json", evaluatedAt, kind, clinicId);
    }

    /** A version 7 UUID, as the service makes them: its first 48 bits are the time in milliseconds. */
    public static UUID timeOrderedId() {
        UUID random = UUID.randomUUID();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0fffL);
        return new UUID(high, random.getLeastSignificantBits());
    }

    public static AuditEntry withoutOptionalFields() {
        UUID id = UUID.randomUUID();
        return new AuditEntry(id, "{}", "{\"screeningId\":\"" + id + "\"}", null, null, null, null, null, null, null,
                Instant.now(), null, null);
    }
}
