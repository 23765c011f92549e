package org.microneedling.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditStore;
import org.microneedling.audit.DecisionLog;
import org.microneedling.audit.RecordQuery;
import org.microneedling.audit.Verification;
import org.microneedling.common.Messages;
import org.microneedling.screening.PolicyInForce;
import org.microneedling.screening.ScreeningConfig;
import org.microneedling.screening.rules.Ruleset;
import org.microneedling.security.Caller;

/** The review workflow wired by hand over a real store, as one instance of the service has it. */
final class ReviewFixtures {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final Messages ENGLISH = Messages.of(Messages.DEFAULT_LOCALE);
    static final Caller PROVIDER = new Caller("lakeside-provider", "dr-lin", "Dr Lin", "lakeside");
    private static final Ruleset RULESET = Ruleset.defaults();

    private ReviewFixtures() {
    }

    /** The decision log of the running service over {@code store}: it tells its listeners of every commit. */
    static class StoreLog implements DecisionLog {
        private final AuditStore store;
        private final List<Consumer<List<AuditEntry>>> listeners = new CopyOnWriteArrayList<>();

        StoreLog(AuditStore store) {
            this.store = store;
        }

        @Override
        public void append(List<AuditEntry> entries) {
            store.append(entries);
            listeners.forEach(listener -> listener.accept(entries));
        }

        @Override
        public CompletionStage<Void> appendAsync(List<AuditEntry> entries) {
            return store.appendAsync(entries).thenRun(() -> listeners.forEach(listener -> listener.accept(entries)));
        }

        @Override
        public void onCommitted(Consumer<List<AuditEntry>> listener) {
            listeners.add(listener);
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
        public Verification verify(String clinicId) {
            return store.verify(clinicId);
        }
    }

    static ReviewsConfig config(Duration refreshInterval) {
        return config(refreshInterval, 20_000);
    }

    static ReviewsConfig config(Duration refreshInterval, int cachedReferrals) {
        return new ReviewsConfig() {
            @Override
            public int cachedReferrals() {
                return cachedReferrals;
            }

            @Override
            public Duration refreshInterval() {
                return refreshInterval;
            }

            @Override
            public Optional<String> cursorKey() {
                return Optional.empty();
            }
        };
    }

    static ReviewIndex index(DecisionLog log) {
        ReviewIndex index = new ReviewIndex(log, JSON, config(Duration.ofMillis(100)));
        awaitLoaded(index);
        return index;
    }

    static void awaitLoaded(ReviewIndex index) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!index.loaded()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the review index did not load");
            }
            Thread.onSpinWait();
        }
    }

    static ReviewService service(ReviewIndex index, DecisionLog log) {
        return new ReviewService(index, log, clinicId -> PolicyInForce.of(clinicId, 0, RULESET), new ZoneConfig(),
                Clock.systemUTC());
    }

    /** A screening record as the service writes one, of {@code outcome}, for a patient. */
    static AuditEntry screening(String clinicId, String outcome, String patientReference, LocalDate asOf,
            Instant evaluatedAt) {
        UUID id = UUID.randomUUID();
        String reasons = outcome.equals("REFER_TO_PROVIDER")
                ? "[{\"code\":\"COLD_SORE_HISTORY\",\"outcome\":\"REFER_TO_PROVIDER\",\"message\":\"Gets cold sores.\","
                        + "\"evidence\":[\"history.coldSoreHistory: YES\"],\"source\":\"s\",\"reassessAfter\":null}]"
                : "[]";
        String validUntil = outcome.equals("ELIGIBLE") ? ",\"validUntil\":\"" + asOf.plusDays(30) + "\"" : "";
        String result = "{\"screeningId\":\"" + id + "\",\"outcome\":\"" + outcome + "\",\"reasons\":" + reasons
                + ",\"advisories\":[],\"notAssessed\":[],\"externalReference\":\"visit-1\",\"patientReference\":"
                + (patientReference == null ? "null" : "\"" + patientReference + "\"") + ",\"asOf\":\"" + asOf + "\""
                + validUntil + ",\"ruleset\":{\"name\":\"microneedling\",\"version\":\"1.0.0\",\"digest\":\"sha256:x\","
                + "\"policy\":{\"clinicId\":\"" + clinicId + "\",\"version\":0}},\"evaluatedAt\":\"" + evaluatedAt + "\"}";
        return new AuditEntry(id, "{}", result, "microneedling", "1.0.0", "sha256:x", asOf, "visit-1", "desk", "json",
                evaluatedAt, AuditEntry.SCREENING, clinicId);
    }

    static ReviewRequest cleared(String rationale) {
        return new ReviewRequest(ReviewDecision.CLEARED, rationale, List.of("bring the signed consent"), null);
    }

    /** Only the zone: the review workflow reads nothing else of the screening configuration. */
    static final class ZoneConfig implements ScreeningConfig {
        @Override
        public ZoneId zone() {
            return ZoneId.of("UTC");
        }

        @Override
        public int maxBodyBytes() {
            return 65536;
        }

        @Override
        public Batch batch() {
            return null;
        }
    }
}
