package org.microneedling.screening.rules;

public final class BleedingDisorderRule extends AnswerRule {

    public static final String CODE = "BLEEDING_DISORDER";
    static final Outcome SHIPPED_OUTCOME = Outcome.INELIGIBLE;

    public BleedingDisorderRule(Policy policy) {
        super(CODE, Question.BLEEDING_DISORDER, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "history.bleedingDisorder is YES: a coagulation or platelet disorder";
    }

    @Override
    public String source() {
        return "SkinPen labeling: contraindicated with a hemorrhagic disorder or hemostatic dysfunction.";
    }
}
