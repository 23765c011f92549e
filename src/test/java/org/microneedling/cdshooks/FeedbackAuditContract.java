package org.microneedling.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditStore;
import org.microneedling.audit.DecisionLog;
import org.microneedling.audit.RecordQuery;
import org.microneedling.audit.Verification;
import org.microneedling.common.Messages;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;
import org.microneedling.common.Violation;
import org.microneedling.security.Caller;

/**
 * Feedback on a real store of each engine: recorded with the screening its card came from, hash-chained and counted
 * by the clinic's verification; a changed feedback record breaks the chain; a card of no screening of the clinic,
 * or an audit that cannot commit, leaves nothing recorded.
 */
abstract class FeedbackAuditContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Messages ENGLISH = Messages.of(Messages.DEFAULT_LOCALE);
    private static final Caller LAKESIDE_DESK = new Caller("lakeside-desk", "lakeside-desk", "lakeside-desk",
            "lakeside");

    protected AuditStore store;
    /** The screenings each clinic has, as the review workflow's view would say. */
    private final java.util.Map<UUID, String> screenings = new java.util.concurrent.ConcurrentHashMap<>();

    protected abstract AuditStore openStore();

    /** Changes the stored result of record {@code id} behind the store's back, leaving its hash as it was. */
    protected abstract void replaceInStoredResult(UUID id, String from, String to) throws Exception;

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private FeedbackRecorder recorder(DecisionLog log) {
        return new FeedbackRecorder(log, (clinic, id) -> clinic.equals(screenings.get(id)), JSON, Clock.systemUTC());
    }

    private UUID screening(String clinic) {
        UUID id = UUID.randomUUID();
        store.append(List.of(new AuditEntry(id, "{}", "{\"screeningId\":\"" + id + "\"}", "microneedling", "1.0.0",
                "sha256:x", null, null, "desk", CdsServicesResource.SOURCE_FORMAT, Instant.now(),
                AuditEntry.SCREENING, clinic)));
        screenings.put(id, clinic);
        return id;
    }

    private static List<FeedbackReader.Item> items(UUID... cards) {
        StringBuilder body = new StringBuilder("{\"feedback\": [");
        for (int i = 0; i < cards.length; i++) {
            body.append(i == 0 ? "" : ", ").append("{\"card\": \"").append(cards[i]).append("\", \"outcome\": ")
                    .append(i % 2 == 0 ? "\"overridden\", \"overrideReason\": {\"reason\": {\"system\": \""
                            + OverrideReason.DEFAULT_SYSTEM + "\", \"code\": \"record-outdated\", \"display\": "
                            + "\"Record out of date\"}, \"userComment\": \"Stopped isotretinoin last year\"}"
                            : "\"accepted\"")
                    .append(", \"outcomeTimestamp\": \"").append(Instant.now().minusSeconds(5)).append("\"}");
        }
        try {
            return FeedbackReader.read(JSON.readTree(body.append("]}").toString()), OverrideReason.DEFAULT_SYSTEM,
                    Instant.now(), ENGLISH);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<AuditEntry> feedbackRecords() {
        List<AuditEntry> found = new ArrayList<>();
        store.scan(RecordQuery.of(Set.of(FeedbackRecords.KIND), null), found::add);
        return found;
    }

    @Test
    void everyItemIsRecordedWithItsScreeningAndCountedByTheClinicsVerification() throws Exception {
        UUID first = screening("lakeside");
        UUID second = screening("lakeside");
        screening("harbor");
        long before = store.verify("lakeside").records();

        List<FeedbackRecorder.Recorded> recorded = recorder(new StoreLog(store))
                .record(LAKESIDE_DESK, CdsServicesResource.SERVICE_ID, items(first, second), ENGLISH)
                .toCompletableFuture().join();

        assertThat(recorded).extracting(FeedbackRecorder.Recorded::card).containsExactly(first, second);
        List<AuditEntry> records = feedbackRecords();
        assertThat(records).extracting(AuditEntry::screeningId)
                .containsExactlyElementsOf(recorded.stream().map(FeedbackRecorder.Recorded::feedbackId).toList());
        AuditEntry overridden = records.get(0);
        assertThat(overridden.clinicId()).isEqualTo("lakeside");
        assertThat(overridden.clientId()).isEqualTo("lakeside-desk");
        assertThat(overridden.sourceFormat()).isEqualTo("cds-hooks");
        JsonNode result = JSON.readTree(overridden.result());
        assertThat(result.get("screeningId").asText()).isEqualTo(first.toString());
        assertThat(result.get("serviceId").asText()).isEqualTo("microneedling-screening");
        assertThat(result.get("outcome").asText()).isEqualTo("overridden");
        assertThat(result.at("/overrideReason/reason/code").asText()).isEqualTo("record-outdated");
        assertThat(result.at("/overrideReason/userComment").asText()).isEqualTo("Stopped isotretinoin last year");
        assertThat(JSON.readTree(overridden.request()).get("card").asText()).isEqualTo(first.toString());
        assertThat(JSON.readTree(records.get(1).result()).get("outcome").asText()).isEqualTo("accepted");
        assertThat(JSON.readTree(records.get(1).result()).has("overrideReason")).isFalse();

        Verification verification = store.verify("lakeside");
        assertThat(verification.intact()).isTrue();
        assertThat(verification.records()).isEqualTo(before + 2);
        assertThat(store.verify("harbor").records()).isEqualTo(1);
    }

    @Test
    void aChangedFeedbackRecordFailsVerification() throws Exception {
        UUID card = screening("lakeside");
        UUID feedbackId = recorder(new StoreLog(store)).record(LAKESIDE_DESK, CdsServicesResource.SERVICE_ID,
                items(card), ENGLISH).toCompletableFuture().join().get(0).feedbackId();
        screening("lakeside");
        assertThat(store.verify("lakeside").intact()).isTrue();

        replaceInStoredResult(feedbackId, "record-outdated", "provider-clears");

        Verification verification = store.verify("lakeside");
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken().reason()).contains("modified");
    }

    @Test
    void aCardOfAnotherClinicOrOfNoScreeningIsA400NamingItAndNothingIsRecorded() {
        UUID own = screening("lakeside");
        UUID harbors = screening("harbor");

        assertThatThrownBy(() -> recorder(new StoreLog(store)).record(LAKESIDE_DESK,
                CdsServicesResource.SERVICE_ID, items(own, harbors, UUID.randomUUID()), ENGLISH))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.problem().status()).isEqualTo(400);
                    assertThat(problem.problem().violations()).extracting(Violation::field)
                            .containsExactly("feedback[1].card", "feedback[2].card");
                });
        assertThat(feedbackRecords()).isEmpty();
    }

    @Test
    void feedbackThatCannotBeRecordedIsA503AndNoneOfItIsKept() {
        UUID card = screening("lakeside");
        DecisionLog failing = new StoreLog(store) {
            @Override
            public CompletionStage<Void> appendAsync(List<AuditEntry> entries) {
                return CompletableFuture.failedFuture(new ProblemException(Problem.of(
                        ProblemType.SERVICE_UNAVAILABLE, "The audit store cannot commit")));
            }
        };

        CompletableFuture<List<FeedbackRecorder.Recorded>> recording = recorder(failing).record(LAKESIDE_DESK,
                CdsServicesResource.SERVICE_ID, items(card, card), ENGLISH).toCompletableFuture();

        assertThatThrownBy(recording::join).isInstanceOf(CompletionException.class).cause()
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.problem().status()).isEqualTo(503));
        assertThat(feedbackRecords()).isEmpty();
    }

    /** The decision log of the running service over one store. */
    static class StoreLog implements DecisionLog {
        private final AuditStore store;

        StoreLog(AuditStore store) {
            this.store = store;
        }

        @Override
        public void append(List<AuditEntry> entries) {
            store.append(entries);
        }

        @Override
        public CompletionStage<Void> appendAsync(List<AuditEntry> entries) {
            return store.appendAsync(entries);
        }

        @Override
        public Optional<String> findResult(UUID screeningId, String clinicId) {
            return store.find(screeningId).filter(entry -> entry.clinicOrDefault().equals(clinicId))
                    .map(AuditEntry::result);
        }

        @Override
        public Optional<AuditEntry> find(UUID id) {
            return store.find(id);
        }

        @Override
        public long scan(RecordQuery query, Consumer<AuditEntry> each) {
            return store.scan(query, each);
        }

        @Override
        public boolean shared() {
            return store.shared();
        }

        @Override
        public void onCommitted(Consumer<List<AuditEntry>> listener) {
            throw new UnsupportedOperationException("No view listens in these tests");
        }

        @Override
        public Verification verify(String clinicId) {
            return store.verify(clinicId);
        }
    }
}
