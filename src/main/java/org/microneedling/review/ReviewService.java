package org.microneedling.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.DecisionLog;
import org.microneedling.common.Messages;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;
import org.microneedling.common.Violation;
import org.microneedling.screening.ClinicRulesets;
import org.microneedling.screening.ScreeningConfig;
import org.microneedling.security.Caller;

/**
 * Records reviews and judges statuses. A review is answered only once the audit trail has committed it, and is
 * then known to every look-up of this instance; when it cannot be recorded nothing of it is kept.
 */
@ApplicationScoped
class ReviewService {

    private static final TimeBasedEpochRandomGenerator REVIEW_IDS = Generators.timeBasedEpochRandomGenerator();

    private final ReviewIndex index;
    private final DecisionLog log;
    private final ClinicRulesets rulesets;
    private final Clock clock;
    private final ZoneId zone;
    /** The last review time given out, in milliseconds: two reviews of this instance never share one. */
    private final AtomicLong lastReviewMillis = new AtomicLong();

    ReviewService(ReviewIndex index, DecisionLog log, ClinicRulesets rulesets, ScreeningConfig config, Clock clock) {
        this.index = index;
        this.log = log;
        this.rulesets = rulesets;
        this.clock = clock;
        this.zone = config.zone();
    }

    /** A review as the client is answered, with the JSON that was recorded. */
    record Recorded(Review review, String json) {
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * Records a review of a referred screening of the caller's clinic.
     *
     * @throws ProblemException 404 for a screening the clinic does not have, 409 for one that was not referred,
     *         400 for a {@code validUntil} out of range
     */
    CompletionStage<Recorded> review(Caller caller, UUID screeningId, ReviewRequest request, String body,
            Messages messages) {
        String clinicId = caller.clinicId();
        ScreeningFacts screening = index.screening(clinicId, screeningId)
                .orElseThrow(() -> unknownScreening(screeningId, messages));
        if (!screening.referred()) {
            throw ProblemException.of(ProblemType.CONFLICT, messages.get("problem.notReferred",
                    screening.outcome().name()));
        }
        LocalDate validUntil = validUntil(request, screening, clinicId, messages);
        Review review = new Review(REVIEW_IDS.generate(), screeningId, request.decision(), request.rationale(),
                request.conditions(), validUntil, new Review.Reviewer(caller.personId(), caller.displayName()),
                nextReviewTime());
        ReviewRecords records = index.records();
        String json = records.json(review);
        AuditEntry entry = records.entry(review, json, clinicId, body, caller.clientId());
        return log.appendAsync(List.of(entry)).thenApply(committed -> new Recorded(review, json));
    }

    /** A clearance lasts as the provider says, from today to the policy's limit, and to the limit if unsaid. */
    private LocalDate validUntil(ReviewRequest request, ScreeningFacts screening, String clinicId,
            Messages messages) {
        if (request.decision() != ReviewDecision.CLEARED) {
            return null;
        }
        LocalDate latest = screening.asOf().plusDays(
                rulesets.inForce(clinicId).ruleset().policy().clearanceMaxDays());
        LocalDate given = request.validUntil();
        if (given == null) {
            return latest;
        }
        LocalDate today = today();
        if (given.isBefore(today)) {
            throw ReviewReader.invalid(List.of(new Violation("validUntil",
                    messages.get("violation.notBefore", today.toString()))), messages);
        }
        if (given.isAfter(latest)) {
            throw ReviewReader.invalid(List.of(new Violation("validUntil",
                    messages.get("violation.clearanceTooLong", latest.toString()))), messages);
        }
        return given;
    }

    private Instant nextReviewTime() {
        long now = clock.millis();
        return Instant.ofEpochMilli(lastReviewMillis.updateAndGet(last -> Math.max(now, last + 1)));
    }

    /** The same answer for an id no clinic has and for another clinic's. */
    static ProblemException unknownScreening(UUID screeningId, Messages messages) {
        return ProblemException.of(ProblemType.NOT_FOUND, messages.get("problem.unknownScreening",
                screeningId.toString()));
    }
}
