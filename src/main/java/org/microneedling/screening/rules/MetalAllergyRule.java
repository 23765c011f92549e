package org.microneedling.screening.rules;

public final class MetalAllergyRule extends AnswerRule {

    public static final String CODE = "METAL_ALLERGY";
    static final Outcome SHIPPED_OUTCOME = Outcome.REFER_TO_PROVIDER;

    public MetalAllergyRule(Policy policy) {
        super(CODE, Question.METAL_ALLERGY, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "history.metalAllergy is YES: stainless steel or nickel";
    }

    @Override
    public String source() {
        return "SkinPen labeling (allergy to stainless steel); Chu et al., Dermatol Surg 2021 (metal allergy raises adverse events).";
    }
}
