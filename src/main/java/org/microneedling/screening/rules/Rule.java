package org.microneedling.screening.rules;

import java.util.Map;

/**
 * One contraindication check. A rule names its reason code, the outcome it reports when its
 * triggering answer is YES, the parameters it applies and the source it rests on, so that a
 * clinician can review it in one place.
 */
public interface Rule {

    String code();

    /** The outcome reported when the triggering answer is YES, as the policy in effect sets it. */
    Outcome outcome();

    /** A one-line statement of when the rule fires, for the catalogue and the docs. */
    String criterion();

    /** Where the rule comes from. */
    String source();

    /** The policy parameters the rule applies, by configuration name. */
    default Map<String, Object> parameters() {
        return Map.of();
    }

    Evaluation evaluate(Intake intake);
}
