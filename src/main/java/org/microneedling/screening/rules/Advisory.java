package org.microneedling.screening.rules;

import java.util.Map;
import java.util.Optional;

/** A caution for staff that never changes the outcome. */
public interface Advisory {

    String code();

    String criterion();

    String source();

    default Map<String, Object> parameters() {
        return Map.of();
    }

    Optional<AdvisoryFinding> evaluate(Intake intake);
}
