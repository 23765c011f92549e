package org.microneedling.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a screening stands today: its outcome, or for a referral the provider's latest word on it. */
@Schema(name = "Status")
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
