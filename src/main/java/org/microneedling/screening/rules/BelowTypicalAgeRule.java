package org.microneedling.screening.rules;

import java.util.Map;

public final class BelowTypicalAgeRule extends PolicyRule {

    public static final String CODE = "BELOW_TYPICAL_AGE";
    static final Outcome SHIPPED_OUTCOME = Outcome.REFER_TO_PROVIDER;

    private final int minimumAge;
    private final int typicalAge;

    public BelowTypicalAgeRule(Policy policy) {
        super(CODE, policy, SHIPPED_OUTCOME);
        this.minimumAge = policy.minimumAge();
        this.typicalAge = policy.typicalAge();
    }

    @Override
    public String criterion() {
        return "minimum-age <= age on asOf < typical-age; reassessAfter = the typical-age birthday (needs dateOfBirth)";
    }

    @Override
    public String source() {
        return "FDA De Novo DEN160029 and 510(k) K202243: SkinPen is cleared for adults aged 22 years or older; "
                + "the source article calls ideal candidates adults of typically 22 and over.";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("minimum-age", minimumAge, "typical-age", typicalAge);
    }

    @Override
    public Evaluation evaluate(Intake intake) {
        // Below the minimum age the patient is already excluded by UNDER_MINIMUM_AGE.
        if (intake.age() < minimumAge || intake.age() >= typicalAge) {
            return Evaluation.CLEAR;
        }
        return Evaluation.fired(AgeFindings.finding(CODE, outcome(), intake, typicalAge).citing(typicalAge));
    }
}
