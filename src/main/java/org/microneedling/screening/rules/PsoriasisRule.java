package org.microneedling.screening.rules;

public final class PsoriasisRule extends AnswerRule {

    public static final String CODE = "PSORIASIS";
    static final Outcome SHIPPED_OUTCOME = Outcome.INELIGIBLE;

    public PsoriasisRule(Policy policy) {
        super(CODE, Question.PSORIASIS, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "history.psoriasis is YES";
    }

    @Override
    public String source() {
        return "Source article's list of patients not suited to microneedling; Koebner response of psoriasis to skin injury (Esmat et al., J Dermatolog Treat 2022;33(5)).";
    }
}
