package org.microneedling.instructions;

/**
 * The screening's status, which decides what the sheet may say. Until provider reviews are recorded it follows the
 * outcome alone ({@link OutcomeStatusSource}); a source that knows the reviews replaces it as a bean of this type.
 */
public interface ScreeningStatusSource {

    /** @param clinicId the clinic the decision belongs to, which is the caller's */
    PatientStatus statusOf(StoredDecision decision, String clinicId);
}
