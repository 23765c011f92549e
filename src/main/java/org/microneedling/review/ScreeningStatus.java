package org.microneedling.review;

/** Where a screening stands today: its outcome, or for a referral the provider's latest word on it. */
public enum ScreeningStatus {
    ELIGIBLE,
    INELIGIBLE,
    PENDING_REVIEW,
    MORE_INFORMATION_NEEDED,
    CLEARED,
    DECLINED,
    /** An ELIGIBLE result or a clearance past its {@code validUntil}. */
    EXPIRED;

    /** A booking tool may book the patient exactly on these. */
    public boolean bookable() {
        return this == ELIGIBLE || this == CLEARED;
    }
}
