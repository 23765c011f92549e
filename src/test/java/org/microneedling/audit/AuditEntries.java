package org.microneedling.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

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

    public static AuditEntry entry(UUID screeningId) {
        String request = "{\"externalReference\":\"visit-0042\",\"answers\":{\"pregnant\":false},"
                + "\"notes\":\"Rötung nach Sonne – ok ✓\"}";
        String result = "{\"screeningId\":\"" + screeningId + "\",\"outcome\":\"REFER_TO_PROVIDER\","
                + "\"reasons\":[{\"code\":\"KELOID_HISTORY\",\"message\":\"Narbenbildung prüfen\"}]}";
        return new AuditEntry(screeningId, request, result, DEFAULT_RULESET_NAME, DEFAULT_RULESET_VERSION,
                DEFAULT_RULESET_DIGEST, DEFAULT_AS_OF, "visit-0042", null, DEFAULT_SOURCE_FORMAT,
                Instant.parse("2026-11-25T10:15:30.123456789Z"));
    }

    public static AuditEntry withoutOptionalFields() {
        UUID id = UUID.randomUUID();
        return new AuditEntry(id, "{}", "{\"screeningId\":\"" + id + "\"}", null, null, null, null, null, null, null,
                Instant.now());
    }
}
