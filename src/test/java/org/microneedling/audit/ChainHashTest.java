package org.microneedling.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The hash of a fixed record, written down: journals and database rows written by earlier versions must still
 * verify, so the canonical encoding may never change, whatever the code around it becomes.
 */
class ChainHashTest {

    private static final UUID SCREENING_ID = UUID.fromString("0193a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b");
    private static final Instant RECORDED_AT = Instant.parse("2026-11-25T10:15:31.654321Z");
    private static final String FULL_RECORD_HASH = "58cbf294937f239458bc2949e14a4c5a220637a474bdfee44871aa6455286277";
    /** Computed independently from the layout in docs/audit.md, not only by this code. */
    private static final String V2_RECORD_HASH = "fb3e178a54a11a601a17f2383e97c2a3264726c0fc58e27d8c0d63d2a3255bad";
    private static final String BARE_RECORD_HASH = "a8a2938c8e0e205a0a0f69ec16f0a24d8523bf26242f77315b64b94f8314d5dd";

    @Test
    void aFullRecordHashesAsItAlwaysHas() {
        // Spelled out rather than taken from AuditEntries, so that changing the test data cannot move the hash.
        AuditEntry full = new AuditEntry(SCREENING_ID,
                "{\"externalReference\":\"visit-0042\",\"answers\":{\"pregnant\":false},"
                        + "\"notes\":\"R\u00f6tung nach Sonne \u2013 ok \u2713\"}",
                "{\"screeningId\":\"" + SCREENING_ID + "\",\"outcome\":\"REFER_TO_PROVIDER\","
                        + "\"reasons\":[{\"code\":\"KELOID_HISTORY\",\"message\":\"Narbenbildung pr\u00fcfen\"}]}",
                "microneedling", "1.0.0", "sha256:5d41402abc4b2a76b9719d911017c592", LocalDate.of(2026, 11, 25),
                "visit-0042", null, "json", Instant.parse("2026-11-25T10:15:30.123456789Z"), null, null);
        ChainHash.Content content = AuditRecords.content("main", 1, ChainHash.GENESIS, full, RECORDED_AT);

        assertThat(ChainHash.hash(content)).isEqualTo(FULL_RECORD_HASH);
        assertThat(ChainHash.hash(ChainHash.parse(ChainHash.canonicalBytes(content)))).isEqualTo(FULL_RECORD_HASH);
    }

    @Test
    void aRecordWithKindAndClinicIsEncodedAsVersion2AndReadBackWithBoth() {
        AuditEntry policy = new AuditEntry(SCREENING_ID, "{\"policy\":1}", "{\"approved\":true}", null, null, null,
                null, null, "director", "json", Instant.parse("2026-11-25T10:15:30Z"), "policy", "clinic-a");
        ChainHash.Content content = AuditRecords.content("main", 2, "cd".repeat(32), policy, RECORDED_AT);
        byte[] canonical = ChainHash.canonicalBytes(content);

        assertThat(ChainHash.field(canonical, 0)).isEqualTo("microneedling-audit/v2");
        assertThat(ChainHash.field(canonical, ChainHash.KIND_FIELD)).isEqualTo("policy");
        assertThat(ChainHash.field(canonical, ChainHash.CLINIC_FIELD)).isEqualTo("clinic-a");
        assertThat(ChainHash.field(canonical, ChainHash.RECORDED_AT_FIELD))
                .isEqualTo(Long.toString(ChainHash.epochMicros(RECORDED_AT)));
        assertThat(ChainHash.parse(canonical)).isEqualTo(content);
        assertThat(ChainHash.hash(content)).isEqualTo(V2_RECORD_HASH);
    }

    @Test
    void kindAndClinicAreCoveredByTheHash() {
        AuditEntry ofA = AuditEntries.record("policy", "clinic-a", Instant.parse("2026-11-25T10:15:30Z"));
        AuditEntry ofB = new AuditEntry(ofA.screeningId(), ofA.request(), ofA.result(), null, null, null, null, null,
                ofA.clientId(), ofA.sourceFormat(), ofA.evaluatedAt(), "policy", "clinic-b");
        AuditEntry screening = new AuditEntry(ofA.screeningId(), ofA.request(), ofA.result(), null, null, null, null,
                null, ofA.clientId(), ofA.sourceFormat(), ofA.evaluatedAt(), AuditEntry.SCREENING, "clinic-a");

        String hashOfA = ChainHash.hash(AuditRecords.content("main", 1, ChainHash.GENESIS, ofA, RECORDED_AT));
        assertThat(ChainHash.hash(AuditRecords.content("main", 1, ChainHash.GENESIS, ofB, RECORDED_AT)))
                .isNotEqualTo(hashOfA);
        assertThat(ChainHash.hash(AuditRecords.content("main", 1, ChainHash.GENESIS, screening, RECORDED_AT)))
                .isNotEqualTo(hashOfA);
    }

    @Test
    void aRecordWithoutItsOptionalFieldsHashesAsItAlwaysHas() {
        AuditEntry bare = new AuditEntry(SCREENING_ID, "{}", "{}", null, null, null, null, null, null, null, null, null,
                null);
        ChainHash.Content content = AuditRecords.content("instance-b", 7, "ab".repeat(32), bare, RECORDED_AT);

        assertThat(ChainHash.hash(content)).isEqualTo(BARE_RECORD_HASH);
        assertThat(ChainHash.hash(ChainHash.parse(ChainHash.canonicalBytes(content)))).isEqualTo(BARE_RECORD_HASH);
    }
}
