package org.microneedling.screening.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

public final class TooSoonSinceLastSessionRule extends PolicyRule {

    public static final String CODE = "TOO_SOON_SINCE_LAST_SESSION";
    static final Outcome SHIPPED_OUTCOME = Outcome.INELIGIBLE;

    private final int intervalDays;

    public TooSoonSinceLastSessionRule(Policy policy) {
        super(CODE, policy, SHIPPED_OUTCOME);
        this.intervalDays = policy.sessionIntervalDays();
    }

    @Override
    public String criterion() {
        return "asOf < lastMicroneedlingDate + session-interval-days; reassessAfter = that day";
    }

    @Override
    public String source() {
        return "Source article (sessions spaced 4 to 8 weeks apart); SkinPen pivotal trial NCT02646917 "
                + "(treatments one month apart).";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("session-interval-days", intervalDays);
    }

    @Override
    public Evaluation evaluate(Intake intake) {
        LocalDate last = intake.lastMicroneedlingDate();
        if (last == null) {
            return Evaluation.CLEAR;
        }
        LocalDate nextAllowed = last.plusDays(intervalDays);
        if (!intake.asOf().isBefore(nextAllowed)) {
            return Evaluation.CLEAR;
        }
        return Evaluation.fired(new Finding(CODE, outcome(),
                List.of(Evidence.of("lastMicroneedlingDate", last)), nextAllowed).citing(intervalDays));
    }
}
