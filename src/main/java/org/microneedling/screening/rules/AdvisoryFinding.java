package org.microneedling.screening.rules;

import java.util.List;

/**
 * An advisory that applies, with what triggered it and the policy values its message cites, in the
 * order of the message's placeholders.
 */
public record AdvisoryFinding(String code, List<Evidence> evidence, List<String> messageArguments) {

    public AdvisoryFinding {
        evidence = List.copyOf(evidence);
        messageArguments = List.copyOf(messageArguments);
    }

    /** An advisory whose message cites nothing. */
    public AdvisoryFinding(String code, List<Evidence> evidence) {
        this(code, evidence, List.of());
    }
}
