package org.microneedling.screening.rules;

import java.time.LocalDate;

/** Shared baseline intakes and a one-word summary of a rule's verdict, so that test tables stay short. */
final class RuleFixtures {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);

    private RuleFixtures() {
    }

    /** A healthy 36-year-old with every yes/no question answered NO and nothing else given. */
    static Intake.Builder healthyAdult() {
        return Intake.builder(AS_OF).allNo().age(36);
    }

    static Intake.Builder healthyAdult(LocalDate asOf) {
        return Intake.builder(asOf).allNo().age(36);
    }

    /** The answer named in a table: YES, NO, UNKNOWN or ABSENT (not given). */
    static Answer answer(String name) {
        return "ABSENT".equals(name) ? null : Answer.valueOf(name);
    }

    /** The rule's verdict: its reason's outcome when it fires, otherwise CLEAR or NOT_ASSESSED. */
    static String verdict(Evaluation evaluation) {
        return evaluation.fired() ? evaluation.finding().outcome().name() : evaluation.status().name();
    }

    static LocalDate date(String iso) {
        return iso == null || iso.isBlank() ? null : LocalDate.parse(iso);
    }
}
