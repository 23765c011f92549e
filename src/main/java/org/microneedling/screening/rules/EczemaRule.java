package org.microneedling.screening.rules;

public final class EczemaRule extends AnswerRule {

    public static final String CODE = "ECZEMA";
    static final Outcome SHIPPED_OUTCOME = Outcome.INELIGIBLE;

    public EczemaRule(Policy policy) {
        super(CODE, Question.ECZEMA, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "history.eczema is YES";
    }

    @Override
    public String source() {
        return "Source article's list of patients not suited to microneedling; dermatology guidance to avoid needling inflamed eczematous skin.";
    }
}
