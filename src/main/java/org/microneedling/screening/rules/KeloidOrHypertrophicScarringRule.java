package org.microneedling.screening.rules;

public final class KeloidOrHypertrophicScarringRule extends AnswerRule {

    public static final String CODE = "KELOID_OR_HYPERTROPHIC_SCARRING";
    static final Outcome SHIPPED_OUTCOME = Outcome.INELIGIBLE;

    public KeloidOrHypertrophicScarringRule(Policy policy) {
        super(CODE, Question.KELOID_OR_HYPERTROPHIC_SCARRING, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "history.keloidOrHypertrophicScarring is YES (atrophic acne or surgical scars are not meant)";
    }

    @Override
    public String source() {
        return "Source article (history of keloids); skin-of-colour literature calls keloid predisposition a relative contraindication, which a clinic may set to REFER_TO_PROVIDER.";
    }
}
