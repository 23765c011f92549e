package org.microneedling.cdshooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.DecisionLog;
import org.microneedling.common.Messages;
import org.microneedling.common.Violation;
import org.microneedling.review.ScreeningLookup;
import org.microneedling.security.Caller;

/**
 * Records feedback on cards. Every item names a card this service gave the caller's clinic, or nothing is recorded;
 * all items are committed together before the caller is answered, and when they cannot be, none is kept.
 */
@ApplicationScoped
class FeedbackRecorder {

    private static final TimeBasedEpochRandomGenerator FEEDBACK_IDS = Generators.timeBasedEpochRandomGenerator();

    private final DecisionLog log;
    private final BiPredicate<String, UUID> clinicHasScreening;
    private final FeedbackRecords records;
    private final Clock clock;

    @Inject
    FeedbackRecorder(DecisionLog log, ScreeningLookup screenings, ObjectMapper mapper, Clock clock) {
        this(log, screenings::exists, mapper, clock);
    }

    /** @param clinicHasScreening whether a clinic has a screening: a card's uuid is its screening's id */
    FeedbackRecorder(DecisionLog log, BiPredicate<String, UUID> clinicHasScreening, ObjectMapper mapper,
            Clock clock) {
        this.log = log;
        this.clinicHasScreening = clinicHasScreening;
        this.records = new FeedbackRecords(mapper);
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** One recorded item: the card and the id of its audit record. */
    record Recorded(UUID card, UUID feedbackId) {
    }

    /**
     * @throws org.microneedling.common.ProblemException 400 naming {@code feedback[i].card} for a card of no
     *         screening of the clinic (another clinic's among them); the stage fails with 503 when the audit cannot
     *         record
     */
    CompletionStage<List<Recorded>> record(Caller caller, String serviceId, List<FeedbackReader.Item> items,
            Messages messages) {
        String clinicId = caller.clinicId();
        List<Violation> unknown = new ArrayList<>();
        for (FeedbackReader.Item item : items) {
            if (!clinicHasScreening.test(clinicId, item.card())) {
                unknown.add(new Violation(item.cardPath(), messages.get("cds.violation.unknownCard")));
            }
        }
        if (!unknown.isEmpty()) {
            throw FeedbackReader.invalid(unknown, messages);
        }
        Instant recordedAt = Instant.ofEpochMilli(clock.millis());
        List<AuditEntry> entries = new ArrayList<>(items.size());
        List<Recorded> recorded = new ArrayList<>(items.size());
        for (FeedbackReader.Item item : items) {
            UUID feedbackId = FEEDBACK_IDS.generate();
            String json = records.json(feedbackId, serviceId, item, recordedAt);
            entries.add(records.entry(feedbackId, item, json, clinicId, caller.clientId(), recordedAt));
            recorded.add(new Recorded(item.card(), feedbackId));
        }
        return log.appendAsync(entries).thenApply(committed -> List.copyOf(recorded));
    }
}
