package org.microneedling.screening.rules;

public final class BreastfeedingRule extends AnswerRule {

    public static final String CODE = "BREASTFEEDING";
    static final Outcome SHIPPED_OUTCOME = Outcome.REFER_TO_PROVIDER;

    public BreastfeedingRule(Policy policy) {
        super(CODE, Question.BREASTFEEDING, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "patient.breastfeeding is YES or UNKNOWN";
    }

    @Override
    public String source() {
        return "SkinPen labeling lists nursing as a contraindication; referred for the provider's judgement.";
    }
}
