package org.microneedling.screening.rules;

public final class SkinCancerInAreaRule extends AnswerRule {

    public static final String CODE = "SKIN_CANCER_IN_AREA";
    static final Outcome SHIPPED_OUTCOME = Outcome.INELIGIBLE;

    public SkinCancerInAreaRule(Policy policy) {
        super(CODE, Question.SKIN_CANCER_IN_TREATMENT_AREA, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "history.skinCancerInTreatmentArea is YES";
    }

    @Override
    public String source() {
        return "SkinPen labeling: contraindicated with active skin cancer in the treatment area.";
    }
}
