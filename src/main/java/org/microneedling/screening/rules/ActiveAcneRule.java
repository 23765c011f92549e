package org.microneedling.screening.rules;

public final class ActiveAcneRule extends AnswerRule {

    public static final String CODE = "ACTIVE_ACNE";
    static final Outcome SHIPPED_OUTCOME = Outcome.INELIGIBLE;

    public ActiveAcneRule(Policy policy) {
        super(CODE, Question.ACTIVE_ACNE, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "history.activeAcne is YES: inflamed acne in the area to be treated";
    }

    @Override
    public String source() {
        return "SkinPen Precision System labeling (FDA De Novo DEN160029): no treatment over open, sore or irritated skin; dermatology guidance to defer needling during an acne flare.";
    }
}
