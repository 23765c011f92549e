package org.microneedling.screening.rules;

public final class ColdSoreHistoryRule extends AnswerRule {

    public static final String CODE = "COLD_SORE_HISTORY";
    static final Outcome SHIPPED_OUTCOME = Outcome.REFER_TO_PROVIDER;

    public ColdSoreHistoryRule(Policy policy) {
        super(CODE, Question.COLD_SORE_HISTORY, policy, SHIPPED_OUTCOME);
    }

    @Override
    public String criterion() {
        return "history.coldSoreHistory is YES: antiviral prophylaxis is a prescriber's decision";
    }

    @Override
    public String source() {
        return "Source article (needling can trigger cold sores in people with oral herpes); CMAC herpes simplex guideline 2021 on antiviral prophylaxis.";
    }
}
