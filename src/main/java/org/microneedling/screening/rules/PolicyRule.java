package org.microneedling.screening.rules;

/** A rule whose outcome the clinic's policy may override, by reason code. */
abstract class PolicyRule implements Rule {

    private final String code;
    private final Outcome outcome;

    PolicyRule(String code, Policy policy, Outcome shippedOutcome) {
        this.code = code;
        this.outcome = policy.outcomeFor(code, shippedOutcome);
    }

    @Override
    public final String code() {
        return code;
    }

    @Override
    public final Outcome outcome() {
        return outcome;
    }
}
