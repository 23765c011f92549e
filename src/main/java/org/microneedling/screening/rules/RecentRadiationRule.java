package org.microneedling.screening.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public final class RecentRadiationRule extends PolicyRule {

    public static final String CODE = "RECENT_RADIATION";
    static final Outcome SHIPPED_OUTCOME = Outcome.INELIGIBLE;

    private final int windowMonths;

    public RecentRadiationRule(Policy policy) {
        super(CODE, policy, SHIPPED_OUTCOME);
        this.windowMonths = policy.radiationWindowMonths();
    }

    @Override
    public String criterion() {
        return "history.radiationTherapy is YES and asOf < radiationTherapyEndDate + radiation-window-months "
                + "(an end date after asOf is ongoing therapy); YES without an end date or UNKNOWN: REFER_TO_PROVIDER";
    }

    @Override
    public String source() {
        return "Source article (recent radiation therapy). No published window exists for microneedling; "
                + "the 12-month default is a conservative clinic convention and is configurable.";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("radiation-window-months", windowMonths);
    }

    @Override
    public Evaluation evaluate(Intake intake) {
        Answer answer = intake.answer(Question.RADIATION_THERAPY);
        if (answer == null || answer == Answer.NO) {
            return Evaluation.CLEAR;
        }
        List<Evidence> given = intake.evidence(Question.RADIATION_THERAPY);
        LocalDate endDate = intake.radiationTherapyEndDate();
        if (answer == Answer.UNKNOWN || endDate == null) {
            List<Evidence> evidence = new ArrayList<>(given);
            if (endDate != null) {
                evidence.add(Evidence.of("history.radiationTherapyEndDate", endDate));
            }
            return Evaluation.fired(new Finding(CODE, Outcome.REFER_TO_PROVIDER, evidence, null)
                    .worded(MessageVariant.REFER).citing(windowMonths));
        }
        LocalDate windowEnd = endDate.plusMonths(windowMonths);
        if (!intake.asOf().isBefore(windowEnd)) {
            return Evaluation.CLEAR;
        }
        List<Evidence> evidence = new ArrayList<>(given);
        evidence.add(Evidence.of("history.radiationTherapyEndDate", endDate));
        return Evaluation.fired(new Finding(CODE, outcome(), evidence, windowEnd).citing(windowMonths));
    }
}
