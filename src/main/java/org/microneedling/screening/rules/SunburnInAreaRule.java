package org.microneedling.screening.rules;

public final class SunburnInAreaRule extends AnswerRule {

    public static final String CODE = "SUNBURN_IN_AREA";
    static final Outcome SHIPPED_OUTCOME = Outcome.INELIGIBLE;

    public SunburnInAreaRule(Policy policy) {
        super(CODE, Question.SUNBURN_IN_TREATMENT_AREA, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "history.sunburnInTreatmentArea is YES";
    }

    @Override
    public String source() {
        return "Source article (avoid sun exposure before the procedure); clinic pre-care conventions against needling sunburned skin.";
    }
}
