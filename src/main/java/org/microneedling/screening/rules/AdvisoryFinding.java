package org.microneedling.screening.rules;

import java.util.List;

/** An advisory that applies, with what triggered it. */
public record AdvisoryFinding(String code, List<Evidence> evidence) {

    public AdvisoryFinding {
        evidence = List.copyOf(evidence);
    }
}
