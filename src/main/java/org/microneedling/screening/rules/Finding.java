package org.microneedling.screening.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A reason a rule reports, with what its message needs: the rule that reports it decides the
 * wording and the policy values the message cites, so that no renderer has to know the rule.
 *
 * @param reassessAfter the first day on which the reason no longer applies by itself, or {@code null}
 * @param variant which wording of {@code reason.<code>} fits
 * @param messageArguments the policy values the message cites, in the order of its placeholders
 */
public record Finding(String code, Outcome outcome, List<Evidence> evidence, LocalDate reassessAfter,
        MessageVariant variant, List<String> messageArguments) {

    public Finding {
        evidence = List.copyOf(evidence);
        messageArguments = List.copyOf(messageArguments);
    }

    /** A finding in the plain wording, citing nothing. */
    public Finding(String code, Outcome outcome, List<Evidence> evidence, LocalDate reassessAfter) {
        this(code, outcome, evidence, reassessAfter, MessageVariant.PLAIN, List.of());
    }

    public Finding(String code, Outcome outcome, Evidence evidence) {
        this(code, outcome, List.of(evidence), null);
    }

    /** This finding in another wording. */
    public Finding worded(MessageVariant wording) {
        return new Finding(code, outcome, evidence, reassessAfter, wording, messageArguments);
    }

    /** This finding with a message that cites {@code values}, each written as {@link String#valueOf}. */
    public Finding citing(Object... values) {
        return new Finding(code, outcome, evidence, reassessAfter, variant,
                Arrays.stream(values).map(String::valueOf).toList());
    }
}
