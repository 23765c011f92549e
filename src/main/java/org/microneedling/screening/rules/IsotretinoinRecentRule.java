package org.microneedling.screening.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

public final class IsotretinoinRecentRule extends PolicyRule {

    public static final String CODE = "ISOTRETINOIN_RECENT";
    static final Outcome SHIPPED_OUTCOME = Outcome.REFER_TO_PROVIDER;

    private final int windowMonths;

    public IsotretinoinRecentRule(Policy policy) {
        super(CODE, policy, SHIPPED_OUTCOME);
        this.windowMonths = policy.isotretinoinWindowMonths();
    }

    @Override
    public String criterion() {
        return "history.isotretinoin is answered but not YES and asOf < isotretinoinStopDate + "
                + "isotretinoin-window-months; reassessAfter = that day";
    }

    @Override
    public String source() {
        return "Isotretinoin (Accutane) package insert: no cosmetic skin-smoothing procedures for at least 6 months "
                + "after stopping; the ASDS 2017 consensus found the evidence for waiting weak, hence a referral.";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("isotretinoin-window-months", windowMonths);
    }

    @Override
    public Evaluation evaluate(Intake intake) {
        Answer answer = intake.answer(Question.ISOTRETINOIN);
        if (answer == null) {
            return Evaluation.NOT_ASSESSED;
        }
        LocalDate stopped = intake.isotretinoinStopDate();
        // Current use is ISOTRETINOIN_CURRENT's reason; this rule covers the wash-out after stopping.
        if (answer == Answer.YES || stopped == null) {
            return Evaluation.CLEAR;
        }
        LocalDate windowEnd = stopped.plusMonths(windowMonths);
        if (!intake.asOf().isBefore(windowEnd)) {
            return Evaluation.CLEAR;
        }
        return Evaluation.fired(new Finding(CODE, outcome(), List.of(Evidence.of(Question.ISOTRETINOIN, answer),
                Evidence.of("history.isotretinoinStopDate", stopped)), windowEnd).citing(windowMonths));
    }
}
