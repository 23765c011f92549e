package org.microneedling.instructions;

/**
 * Where the screening stands for the patient: the status values of the workflow contract (section 4). Which parts
 * of the sheet a status shows is decided here, so that no status can give aftercare to someone who is not treated.
 */
public enum PatientStatus {
    ELIGIBLE,
    INELIGIBLE,
    PENDING_REVIEW,
    MORE_INFORMATION_NEEDED,
    CLEARED,
    DECLINED,
    EXPIRED;

    /** Treatment may go ahead now, or after a provider agrees: preparation, the day, aftercare and results apply. */
    boolean mayBeTreated() {
        return this == ELIGIBLE || this == CLEARED || this == PENDING_REVIEW || this == MORE_INFORMATION_NEEDED;
    }

    /** The reasons still stand as the screening found them, so the sheet explains them in the patient's words. */
    boolean reasonsStand() {
        return this == INELIGIBLE || this == PENDING_REVIEW || this == MORE_INFORMATION_NEEDED;
    }

    /** Treatment will not happen on this screening. */
    boolean notTreated() {
        return this == INELIGIBLE || this == DECLINED;
    }
}
