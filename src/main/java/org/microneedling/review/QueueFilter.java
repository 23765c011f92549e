package org.microneedling.review;

/** The review queue's {@code status} parameter: which referred screenings a page lists. */
enum QueueFilter {
    /** Not reviewed yet, or the latest review asks for more information. */
    PENDING,
    /** The latest review clears the patient (the clearance may have expired since). */
    CLEARED,
    /** The latest review declines treatment. */
    DECLINED,
    ALL;

    /** The filter a referral belongs to besides {@link #ALL}, given its latest review's decision (null: none). */
    static QueueFilter of(ReviewDecision latest) {
        if (latest == null || latest == ReviewDecision.MORE_INFORMATION_NEEDED) {
            return PENDING;
        }
        return latest == ReviewDecision.CLEARED ? CLEARED : DECLINED;
    }
}
