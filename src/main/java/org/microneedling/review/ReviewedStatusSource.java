package org.microneedling.review;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.microneedling.instructions.OutcomeStatusSource;
import org.microneedling.instructions.PatientStatus;
import org.microneedling.instructions.ScreeningStatusSource;
import org.microneedling.instructions.StoredDecision;

/**
 * The patient's sheet follows the provider's word: a cleared referral gets the sheet of a patient who will be
 * treated, a declined one the sheet of one who will not, and an expired result says so.
 */
@ApplicationScoped
public class ReviewedStatusSource implements ScreeningStatusSource {

    private static final ScreeningStatusSource OUTCOME_ONLY = new OutcomeStatusSource();

    private final ReviewIndex index;
    private final ReviewService reviews;

    ReviewedStatusSource(ReviewIndex index, ReviewService reviews) {
        this.index = index;
        this.reviews = reviews;
    }

    @Override
    public PatientStatus statusOf(StoredDecision decision, String clinicId) {
        ScreeningFacts facts = index.screening(clinicId, decision.screeningId()).orElse(null);
        if (facts == null) {
            // The sheet has already read the decision for this clinic; without facts it follows the outcome.
            return OUTCOME_ONLY.statusOf(decision, clinicId);
        }
        List<Review> recorded = index.clinic(clinicId).reviews(decision.screeningId());
        Review latest = recorded.isEmpty() ? null : recorded.get(recorded.size() - 1);
        return PatientStatus.valueOf(StatusRule.judge(facts, latest, reviews.today()).status().name());
    }
}
