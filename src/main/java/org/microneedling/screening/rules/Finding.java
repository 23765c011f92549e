package org.microneedling.screening.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * A reason a rule reports.
 *
 * @param reassessAfter the first day on which the reason no longer applies by itself, or {@code null}
 */
public record Finding(String code, Outcome outcome, List<Evidence> evidence, LocalDate reassessAfter) {

    public Finding {
        evidence = List.copyOf(evidence);
    }

    public Finding(String code, Outcome outcome, Evidence evidence) {
        this(code, outcome, List.of(evidence), null);
    }
}
