package org.microneedling.screening.rules;

public final class PregnancyRule extends AnswerRule {

    public static final String CODE = "PREGNANCY";
    static final Outcome SHIPPED_OUTCOME = Outcome.REFER_TO_PROVIDER;

    public PregnancyRule(Policy policy) {
        super(CODE, Question.PREGNANT, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "patient.pregnant is YES or UNKNOWN";
    }

    @Override
    public String source() {
        return "Source article (pregnant patients need their healthcare provider's approval); SkinPen labeling lists pregnancy as a contraindication.";
    }
}
