package org.microneedling.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the outermost adapter (CDS Hooks) may ask of the review workflow: whether the clinic has a screening, and a
 * patient's valid clearance. Both read the in-memory view, so both answer 503 until the store has been read once.
 */
@ApplicationScoped
public class ScreeningLookup {

    private final ReviewIndex index;
    private final ReviewService reviews;

    ScreeningLookup(ReviewIndex index, ReviewService reviews) {
        this.index = index;
        this.reviews = reviews;
    }

    /**
     * A provider's clearance that holds today.
     *
     * @param screeningId the cleared screening, the patient's latest in the clinic
     * @param validUntil the last day the clearance holds
     */
    public record Clearance(UUID screeningId, LocalDate validUntil, Instant evaluatedAt, Instant reviewedAt) {
    }

    /** Whether {@code clinicId} has this screening; another clinic's is as unknown as no clinic's. */
    public boolean exists(String clinicId, UUID screeningId) {
        return index.screening(clinicId, screeningId).isPresent();
    }

    /**
     * The clearance of the patient's latest screening in the clinic, when its status today is CLEARED: the same
     * answer the clearance look-up gives a booking tool, so that the two never disagree.
     */
    public Optional<Clearance> validClearance(String clinicId, String patientReference) {
        ClinicReviews clinic = index.clinic(clinicId);
        return clinic.latestOfPatient(patientReference).flatMap(latest -> {
            Review review = clinic.latestReview(latest.screeningId());
            StatusRule.Judged judged = StatusRule.judge(latest, review, reviews.today());
            return judged.status() == ScreeningStatus.CLEARED
                    ? Optional.of(new Clearance(latest.screeningId(), judged.validUntil(), latest.evaluatedAt(),
                            review.reviewedAt()))
                    : Optional.empty();
        });
    }
}
