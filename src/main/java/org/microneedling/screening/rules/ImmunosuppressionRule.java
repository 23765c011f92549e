package org.microneedling.screening.rules;

public final class ImmunosuppressionRule extends AnswerRule {

    public static final String CODE = "IMMUNOSUPPRESSION";
    static final Outcome SHIPPED_OUTCOME = Outcome.REFER_TO_PROVIDER;

    public ImmunosuppressionRule(Policy policy) {
        super(CODE, Question.IMMUNOSUPPRESSED, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "history.immunosuppressed is YES";
    }

    @Override
    public String source() {
        return "Clinic contraindication lists and laser pre-treatment guidance (caution when immunocompromised); SkinPen patient labeling.";
    }
}
