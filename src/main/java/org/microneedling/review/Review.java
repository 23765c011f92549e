package org.microneedling.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One provider's review of a referred screening, as the API answers it and the audit trail keeps it.
 *
 * @param validUntil the last day a clearance holds; null for any other decision
 */
@JsonPropertyOrder({ "reviewId", "screeningId", "decision", "rationale", "conditions", "validUntil", "reviewer",
        "reviewedAt" })
public record Review(UUID reviewId, UUID screeningId, ReviewDecision decision, String rationale,
        List<String> conditions, LocalDate validUntil, Reviewer reviewer, Instant reviewedAt) {

    /**
     * The order reviews of one screening are kept in, the same on every instance and after every restart: by time,
     * and two at the same instant (from two instances) by id. The last one decides.
     */
    static final Comparator<Review> RECORDED_ORDER = Comparator.comparing(Review::reviewedAt)
            .thenComparing(Review::reviewId);

    public Review {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** The authenticated person who reviewed: a signed-in person's subject, or an API key's client. */
    @JsonPropertyOrder({ "id", "name" })
    public record Reviewer(String id, String name) {
    }
}
