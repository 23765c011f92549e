package org.microneedling.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microneedling.common.ClinicId;

/**
 * Records of every kind and clinic in one chain, on every engine: the scan filters and resumes, find and the
 * per-clinic verification see them, and a changed record of any kind breaks the chain. Public because each engine's
 * test lives beside its store, in another package.
 */
public abstract class RecordKindsContract {

    private static final String POLICY = "policy";
    private static final String REVIEW = "review";
    private static final String CLINIC_A = "clinic-a";
    private static final String CLINIC_B = "clinic-b";

    protected AuditStore store;
    private final Instant base = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MICROS);

    /** A new, empty store of the engine under test. */
    protected abstract AuditStore openStore();

    /**
     * Changes the stored result of record {@code id} behind the store's back, leaving its hash as it was: the
     * result is {@code {"id":"...","clinic":"clinic-b"}}.
     */
    protected abstract void changeStoredResult(UUID id) throws Exception;

    @BeforeEach
    protected void open() {
        store = openStore();
    }

    @AfterEach
    protected void close() {
        if (store != null) {
            store.close();
        }
    }

    /** Legacy screening (no kind, no clinic), screening, policy, policy, review, screening: one commit each. */
    private List<AuditEntry> appendSample() {
        List<AuditEntry> sample = List.of(
                legacyScreening(base),
                AuditEntries.record(AuditEntry.SCREENING, CLINIC_A, base.plusSeconds(10)),
                AuditEntries.record(POLICY, CLINIC_A, base.plusSeconds(20)),
                AuditEntries.record(POLICY, CLINIC_B, base.plusSeconds(30)),
                AuditEntries.record(REVIEW, CLINIC_A, base.plusSeconds(40)),
                AuditEntries.record(AuditEntry.SCREENING, ClinicId.DEFAULT, base.plusSeconds(50)));
        sample.forEach(entry -> store.append(List.of(entry)));
        return sample;
    }

    private static AuditEntry legacyScreening(Instant evaluatedAt) {
        UUID id = AuditEntries.timeOrderedId();
        return new AuditEntry(id, "{}", "{\"screeningId\":\"" + id + "\"}", "microneedling", "1.0.0", null, null,
                null, null, "json", evaluatedAt, null, null);
    }

    private List<UUID> scanned(RecordQuery query) {
        List<UUID> ids = new ArrayList<>();
        store.scan(query, entry -> ids.add(entry.screeningId()));
        return ids;
    }

    private static List<UUID> ids(List<AuditEntry> sample, int... indexes) {
        return java.util.Arrays.stream(indexes).mapToObj(i -> sample.get(i).screeningId()).toList();
    }

    @Test
    public void scanStreamsEveryRecordInRecordedOrderAsStored() {
        List<AuditEntry> sample = appendSample();

        List<AuditEntry> all = new ArrayList<>();
        store.scan(RecordQuery.all(), all::add);

        assertThat(all).containsExactlyElementsOf(sample);
    }

    @Test
    public void scanFiltersByKindTreatingARecordWithoutKindAsAScreening() {
        List<AuditEntry> s = appendSample();

        assertThat(scanned(RecordQuery.of(Set.of(AuditEntry.SCREENING), null))).isEqualTo(ids(s, 0, 1, 5));
        assertThat(scanned(RecordQuery.of(Set.of(POLICY), null))).isEqualTo(ids(s, 2, 3));
        assertThat(scanned(RecordQuery.of(Set.of(POLICY, REVIEW), null))).isEqualTo(ids(s, 2, 3, 4));
        assertThat(scanned(RecordQuery.of(Set.of(), null))).isEmpty();
    }

    @Test
    public void scanFiltersByClinicTreatingARecordWithoutClinicAsTheDefaultClinics() {
        List<AuditEntry> s = appendSample();

        assertThat(scanned(RecordQuery.of(null, ClinicId.DEFAULT))).isEqualTo(ids(s, 0, 5));
        assertThat(scanned(RecordQuery.of(null, CLINIC_A))).isEqualTo(ids(s, 1, 2, 4));
        assertThat(scanned(RecordQuery.of(Set.of(POLICY, REVIEW), CLINIC_A))).isEqualTo(ids(s, 2, 4));
        assertThat(scanned(RecordQuery.of(null, "clinic-z"))).isEmpty();
    }

    @Test
    public void scanFiltersByEvaluationTimeFromInclusiveToExclusive() {
        List<AuditEntry> s = appendSample();

        assertThat(scanned(new RecordQuery(null, null, base.plusSeconds(10), base.plusSeconds(40), 0)))
                .isEqualTo(ids(s, 1, 2, 3));
        assertThat(scanned(RecordQuery.screenings(ClinicId.DEFAULT, base, base.plusSeconds(1)))).isEqualTo(ids(s, 0));
        assertThat(scanned(new RecordQuery(null, null, base.plusSeconds(41), null, 0))).isEqualTo(ids(s, 5));
        assertThat(scanned(new RecordQuery(null, null, null, base, 0))).isEmpty();
        assertThat(scanned(new RecordQuery(null, null, base.minus(1, ChronoUnit.DAYS), base.minusSeconds(1), 0)))
                .isEmpty();
    }

    @Test
    public void aPollerResumesAfterThePositionTheLastScanReturned() {
        appendSample();
        RecordQuery policies = RecordQuery.of(Set.of(POLICY), null);

        long position = store.scan(policies, entry -> { });
        assertThat(scanned(policies.after(position))).isEmpty();
        assertThat(store.scan(policies.after(position), entry -> { })).as("nothing new: same position")
                .isEqualTo(position);

        AuditEntry next = AuditEntries.record(POLICY, CLINIC_B, base.plusSeconds(60));
        store.append(List.of(next, AuditEntries.record(AuditEntry.SCREENING, CLINIC_B, base.plusSeconds(61))));

        assertThat(scanned(policies.after(position))).containsExactly(next.screeningId());
    }

    @Test
    public void aScanOfEverythingResumesWithTheRecordsAppendedSince() {
        appendSample();
        long position = store.scan(RecordQuery.all(), entry -> { });
        List<AuditEntry> later = List.of(AuditEntries.record(REVIEW, CLINIC_B, base.plusSeconds(70)),
                legacyScreening(base.plusSeconds(71)));
        store.append(later);

        assertThat(scanned(RecordQuery.all().after(position))).isEqualTo(later.stream().map(AuditEntry::screeningId)
                .toList());
        assertThat(scanned(RecordQuery.all().after(0))).hasSize(8);
    }

    @Test
    public void anExceptionOfTheConsumerReachesTheCallerAsItIs() {
        appendSample();

        assertThatThrownBy(() -> store.scan(RecordQuery.all(), entry -> {
            throw new IllegalStateException("replay stopped");
        })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("replay stopped");
        assertThat(scanned(RecordQuery.all())).as("the store is still usable").hasSize(6);
    }

    @Test
    public void findReturnsARecordOfAnyKindAndClinicAsStored() {
        List<AuditEntry> s = appendSample();

        assertThat(store.find(s.get(3).screeningId())).contains(s.get(3));
        assertThat(store.find(s.get(0).screeningId())).get().satisfies(legacy -> {
            assertThat(legacy.kind()).isNull();
            assertThat(legacy.kindOrScreening()).isEqualTo(AuditEntry.SCREENING);
            assertThat(legacy.clinicOrDefault()).isEqualTo(ClinicId.DEFAULT);
        });
        assertThat(store.find(AuditEntries.timeOrderedId())).isEmpty();
        assertThat(store.findResult(s.get(4).screeningId())).contains(s.get(4).result());
    }

    @Test
    public void verificationCoversEveryKindAndCountsOnlyTheAskingClinicsRecords() {
        appendSample();

        assertThat(store.verify(null).records()).isEqualTo(6);
        Verification ofDefault = store.verify(ClinicId.DEFAULT);
        assertThat(ofDefault.intact()).isTrue();
        assertThat(ofDefault.records()).isEqualTo(2);
        assertThat(ofDefault.chains()).singleElement().satisfies(chain -> {
            assertThat(chain.records()).isEqualTo(2);
            assertThat(chain.lastSequence()).isEqualTo(6);
            assertThat(chain.anchorSequence()).isZero();
            assertThat(chain.headHash()).hasSize(64);
        });
        Verification ofClinicA = store.verify(CLINIC_A);
        assertThat(ofClinicA.intact()).isTrue();
        assertThat(ofClinicA.records()).isEqualTo(3);
        assertThat(ofClinicA.chains()).singleElement().satisfies(chain -> {
            assertThat(chain.records()).isEqualTo(3);
            assertThat(chain.lastSequence()).as("tells every clinic's volume").isNull();
            assertThat(chain.anchorSequence()).isNull();
            assertThat(chain.headHash()).isNull();
        });
        assertThat(store.verify("clinic-z").records()).isZero();
    }

    @Test
    public void aChangedPolicyRecordBreaksTheChainForEveryClinic() throws Exception {
        List<AuditEntry> s = appendSample();

        changeStoredResult(s.get(3).screeningId());

        for (String clinic : new String[] { ClinicId.DEFAULT, CLINIC_A, CLINIC_B }) {
            Verification verification = store.verify(clinic);
            assertThat(verification.intact()).as(clinic).isFalse();
            assertThat(verification.firstBroken().sequence()).as(clinic).isEqualTo(4);
            assertThat(verification.firstBroken().reason()).as(clinic).contains("modified");
        }
    }
}
