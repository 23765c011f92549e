package org.microneedling.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.microneedling.screening.rules.Outcome;

/** The JSON answers of the review workflow (contract section 4). */
final class ReviewAnswers {

    private ReviewAnswers() {
    }

    @Schema(name = "ReviewQueuePage")
    @JsonPropertyOrder({ "items", "nextCursor" })
    record QueuePage(List<QueueItem> items,
            @Schema(description = "Pass as cursor for the next page; null on the last page", nullable = true)
            String nextCursor) {
    }

    @Schema(name = "ReviewQueueItem")
    @JsonPropertyOrder({ "screeningId", "externalReference", "patientReference", "asOf", "evaluatedAt", "status",
            "reasons" })
    record QueueItem(UUID screeningId, String externalReference, String patientReference, LocalDate asOf,
            Instant evaluatedAt, ScreeningStatus status, List<ReasonSummary> reasons) {
    }

    @Schema(name = "ScreeningStatus")
    @JsonPropertyOrder({ "screeningId", "outcome", "status", "validUntil", "reviews" })
    record Status(UUID screeningId, Outcome outcome, ScreeningStatus status,
            @Schema(nullable = true, description = "Last day of an ELIGIBLE result or a clearance") LocalDate validUntil,
            @Schema(description = "Oldest first; the last one decides") List<Review> reviews) {
    }

    @Schema(name = "Clearance")
    @JsonPropertyOrder({ "patientReference", "status", "validUntil", "screeningId", "evaluatedAt" })
    record Clearance(String patientReference,
            @Schema(description = "The patient may be booked exactly when this is ELIGIBLE or CLEARED")
            ScreeningStatus status,
            @Schema(nullable = true) LocalDate validUntil, UUID screeningId, Instant evaluatedAt) {
    }
}
