package org.microneedling.screening.rules;

/**
 * A rule that fires on one yes/no answer. YES reports the policy's outcome for the code. UNKNOWN
 * reports the same code for the provider to clear, because an unanswered contraindication cannot
 * be ruled out at the front desk.
 */
abstract class AnswerRule extends PolicyRule {

    private final Question question;

    AnswerRule(String code, Question question, Policy policy, Outcome shippedDefault) {
        super(code, policy, shippedDefault);
        this.question = question;
    }

    Question question() {
        return question;
    }

    @Override
    public Evaluation evaluate(Intake intake) {
        Answer answer = intake.answer(question);
        if (answer == null) {
            return Evaluation.NOT_ASSESSED;
        }
        return switch (answer) {
            case YES -> Evaluation.fired(new Finding(code(), outcome(), intake.evidence(question), null));
            case UNKNOWN -> Evaluation.fired(new Finding(code(), Outcome.REFER_TO_PROVIDER, intake.evidence(question), null)
                    .worded(MessageVariant.UNKNOWN));
            case NO -> Evaluation.CLEAR;
        };
    }
}
