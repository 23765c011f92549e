package org.microneedling.screening.rules;

public final class ActiveColdSoresRule extends AnswerRule {

    public static final String CODE = "ACTIVE_COLD_SORES";
    static final Outcome SHIPPED_OUTCOME = Outcome.INELIGIBLE;

    public ActiveColdSoresRule(Policy policy) {
        super(CODE, Question.ACTIVE_COLD_SORES, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "history.activeColdSores is YES: an active herpes simplex lesion";
    }

    @Override
    public String source() {
        return "CMAC guideline on herpes simplex and cosmetic interventions (J Clin Aesthet Dermatol 2021;14(6 Suppl 1):S11-S14); device labeling on open sores.";
    }
}
