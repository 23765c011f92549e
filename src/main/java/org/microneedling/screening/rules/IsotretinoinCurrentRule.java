package org.microneedling.screening.rules;

public final class IsotretinoinCurrentRule extends AnswerRule {

    public static final String CODE = "ISOTRETINOIN_CURRENT";
    static final Outcome SHIPPED_OUTCOME = Outcome.INELIGIBLE;

    public IsotretinoinCurrentRule(Policy policy) {
        super(CODE, Question.ISOTRETINOIN, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "history.isotretinoin is YES: oral isotretinoin taken now";
    }

    @Override
    public String source() {
        return "SkinPen labeling: contraindicated while taking drugs containing isotretinoin.";
    }
}
