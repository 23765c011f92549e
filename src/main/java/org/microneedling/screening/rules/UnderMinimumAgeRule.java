package org.microneedling.screening.rules;

import java.util.Map;

public final class UnderMinimumAgeRule extends PolicyRule {

    public static final String CODE = "UNDER_MINIMUM_AGE";
    static final Outcome SHIPPED_OUTCOME = Outcome.INELIGIBLE;

    private final int minimumAge;

    public UnderMinimumAgeRule(Policy policy) {
        super(CODE, policy, SHIPPED_OUTCOME);
        this.minimumAge = policy.minimumAge();
    }

    @Override
    public String criterion() {
        return "age on asOf < minimum-age; reassessAfter = the minimum-age birthday (needs dateOfBirth)";
    }

    @Override
    public String source() {
        return "Clinic policy: cosmetic microneedling is offered to adults only. No clinical source sets the limit; "
                + "the FDA-cleared SkinPen indication is for adults aged 22 or older (De Novo DEN160029).";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("minimum-age", minimumAge);
    }

    @Override
    public Evaluation evaluate(Intake intake) {
        if (intake.age() >= minimumAge) {
            return Evaluation.CLEAR;
        }
        return Evaluation.fired(AgeFindings.finding(CODE, outcome(), intake, minimumAge).citing(minimumAge));
    }
}
