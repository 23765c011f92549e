package org.microneedling.instructions;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** The status as the outcome alone gives it: a referral is pending review until someone records a review. */
@ApplicationScoped
@DefaultBean
public class OutcomeStatusSource implements ScreeningStatusSource {

    @Override
    public PatientStatus statusOf(StoredDecision decision, String clinicId) {
        return switch (decision.outcome()) {
            case ELIGIBLE -> PatientStatus.ELIGIBLE;
            case INELIGIBLE -> PatientStatus.INELIGIBLE;
            case REFER_TO_PROVIDER -> PatientStatus.PENDING_REVIEW;
        };
    }
}
