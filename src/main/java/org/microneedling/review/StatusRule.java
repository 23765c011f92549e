package org.microneedling.review;

import java.time.LocalDate;

import org.microneedling.screening.rules.Outcome;

/**
 * A screening's status on a given day. An ELIGIBLE result holds until its {@code validUntil}, a referral waits for
 * a provider, and a clearance holds until the day the provider set; either is EXPIRED the day after.
 */
final class StatusRule {

    private StatusRule() {
    }

    /** A status with the last day it holds: set for ELIGIBLE and CLEARED (and what expired of them), else null. */
    record Judged(ScreeningStatus status, LocalDate validUntil) {
    }

    /**
     * @param latest the screening's latest review in {@link Review#RECORDED_ORDER}, null when it has none
     * @param today the date in {@code screening.zone}
     */
    static Judged judge(ScreeningFacts screening, Review latest, LocalDate today) {
        if (screening.outcome() == Outcome.ELIGIBLE) {
            return current(ScreeningStatus.ELIGIBLE, screening.validUntil(), today);
        }
        if (screening.outcome() == Outcome.INELIGIBLE) {
            return new Judged(ScreeningStatus.INELIGIBLE, null);
        }
        if (latest == null) {
            return new Judged(ScreeningStatus.PENDING_REVIEW, null);
        }
        return switch (latest.decision()) {
            case CLEARED -> current(ScreeningStatus.CLEARED, latest.validUntil(), today);
            case DECLINED -> new Judged(ScreeningStatus.DECLINED, null);
            case MORE_INFORMATION_NEEDED -> new Judged(ScreeningStatus.MORE_INFORMATION_NEEDED, null);
        };
    }

    private static Judged current(ScreeningStatus status, LocalDate validUntil, LocalDate today) {
        return new Judged(validUntil != null && today.isAfter(validUntil) ? ScreeningStatus.EXPIRED : status,
                validUntil);
    }
}
