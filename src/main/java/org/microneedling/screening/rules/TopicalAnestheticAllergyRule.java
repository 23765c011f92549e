package org.microneedling.screening.rules;

public final class TopicalAnestheticAllergyRule extends AnswerRule {

    public static final String CODE = "TOPICAL_ANESTHETIC_ALLERGY";
    static final Outcome SHIPPED_OUTCOME = Outcome.REFER_TO_PROVIDER;

    public TopicalAnestheticAllergyRule(Policy policy) {
        super(CODE, Question.TOPICAL_ANESTHETIC_ALLERGY, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "history.topicalAnestheticAllergy is YES";
    }

    @Override
    public String source() {
        return "SkinPen labeling: contraindicated with an allergy to anaesthetics; numbing cream is part of the procedure.";
    }
}
