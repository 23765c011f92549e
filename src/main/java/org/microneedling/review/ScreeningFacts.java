package org.microneedling.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.microneedling.screening.rules.Outcome;

/**
 * What the review workflow needs of one recorded screening, read once from its stored result.
 *
 * @param validUntil the last day an ELIGIBLE result may be booked on; null for other outcomes
 * @param reasons the reasons of a referral, for the queue; empty for other outcomes
 */
record ScreeningFacts(UUID screeningId, Outcome outcome, String externalReference, String patientReference,
        LocalDate asOf, LocalDate validUntil, Instant evaluatedAt, List<ReasonSummary> reasons) {

    ScreeningFacts {
        reasons = List.copyOf(reasons);
    }

    /** The same facts without the reasons: what is kept of a patient's latest screening. */
    ScreeningFacts withoutReasons() {
        return reasons.isEmpty() ? this : new ScreeningFacts(screeningId, outcome, externalReference,
                patientReference, asOf, validUntil, evaluatedAt, List.of());
    }

    boolean referred() {
        return outcome == Outcome.REFER_TO_PROVIDER;
    }

    /** Its place in the queue and among a patient's screenings: oldest first, ids break ties within a second. */
    QueueKey key() {
        return new QueueKey(evaluatedAt, screeningId);
    }
}
