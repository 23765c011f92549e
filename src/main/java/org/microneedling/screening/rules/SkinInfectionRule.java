package org.microneedling.screening.rules;

public final class SkinInfectionRule extends AnswerRule {

    public static final String CODE = "SKIN_INFECTION";
    static final Outcome SHIPPED_OUTCOME = Outcome.INELIGIBLE;

    public SkinInfectionRule(Policy policy) {
        super(CODE, Question.OTHER_ACTIVE_SKIN_INFECTION, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "history.otherActiveSkinInfection is YES: a bacterial, viral or fungal skin infection";
    }

    @Override
    public String source() {
        return "SkinPen labeling (sores or irritated skin in the area); Chu et al., Safety Profile for Microneedling, Dermatol Surg 2021;47(9):1249-1254 (active infection raises adverse events).";
    }
}
