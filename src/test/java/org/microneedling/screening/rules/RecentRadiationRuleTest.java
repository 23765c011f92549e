package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microneedling.screening.rules.RuleFixtures.answer;
import static org.microneedling.screening.rules.RuleFixtures.date;
import static org.microneedling.screening.rules.RuleFixtures.verdict;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecentRadiationRuleTest {

    private static Policy windowOf(int months) {
        return new Policy(18, 22, months, 28, 6, 4, Policy.DEFAULT_EVALUATED_NEEDLE_DEPTH_MM,
                Outcome.REFER_TO_PROVIDER, Map.of());
    }

    private static Evaluation evaluate(Policy policy, String given, String endDate, String asOf) {
        Intake intake = RuleFixtures.healthyAdult(LocalDate.parse(asOf))
                .answer(Question.RADIATION_THERAPY, answer(given))
                .radiationTherapyEndDate(date(endDate))
                .build();
        return new RecentRadiationRule(policy).evaluate(intake);
    }

    @ParameterizedTest(name = "radiation {0}, ended {1}, on {2} ⇒ {3}, reassess after {4}")
    @CsvSource(textBlock = """
            # end date + 12 months - 1 day still fires; on end date + 12 months it no longer does
            YES,     2025-11-26, 2026-11-25, INELIGIBLE,        2026-11-26
            YES,     2025-11-25, 2026-11-25, CLEAR,
            YES,     2025-11-24, 2026-11-25, CLEAR,
            YES,     2026-11-25, 2026-11-25, INELIGIBLE,        2027-11-25
            # an end date after asOf is therapy still going on
            YES,     2026-12-15, 2026-11-25, INELIGIBLE,        2027-12-15
            # 29 February end date: twelve months later is 28 February of a common year
            YES,     2024-02-29, 2025-02-27, INELIGIBLE,        2025-02-28
            YES,     2024-02-29, 2025-02-28, CLEAR,
            # without an end date the provider has to judge how recent it was
            YES,     ,           2026-11-25, REFER_TO_PROVIDER,
            UNKNOWN, ,           2026-11-25, REFER_TO_PROVIDER,
            UNKNOWN, 2020-01-01, 2026-11-25, REFER_TO_PROVIDER,
            UNKNOWN, 2026-10-01, 2026-11-25, REFER_TO_PROVIDER,
            NO,      ,           2026-11-25, CLEAR,
            """)
    void twelveMonthWindowIsHalfOpen(String given, String endDate, String asOf, String expected,
            String reassessAfter) {
        Evaluation evaluation = evaluate(Policy.defaults(), given, endDate, asOf);

        assertThat(verdict(evaluation)).isEqualTo(expected);
        if (evaluation.fired()) {
            assertThat(evaluation.finding().reassessAfter()).isEqualTo(date(reassessAfter));
        }
    }

    @ParameterizedTest(name = "window 6 months, ended {0}, on {1} ⇒ {2}, reassess after {3}")
    @CsvSource(textBlock = """
            # 31 August + 6 months is clamped to the end of February
            2025-08-31, 2026-02-27, INELIGIBLE, 2026-02-28
            2025-08-31, 2026-02-28, CLEAR,
            2027-08-31, 2028-02-28, INELIGIBLE, 2028-02-29
            2027-08-31, 2028-02-29, CLEAR,
            2026-03-31, 2026-09-29, INELIGIBLE, 2026-09-30
            2026-03-31, 2026-09-30, CLEAR,
            """)
    void monthEndsAreClamped(String endDate, String asOf, String expected, String reassessAfter) {
        Evaluation evaluation = evaluate(windowOf(6), "YES", endDate, asOf);

        assertThat(verdict(evaluation)).isEqualTo(expected);
        if (evaluation.fired()) {
            assertThat(evaluation.finding().reassessAfter()).isEqualTo(date(reassessAfter));
        }
    }

    @Test
    void evidenceNamesAnswerAndEndDate() {
        Finding finding = evaluate(Policy.defaults(), "YES", "2026-06-30", "2026-11-25").finding();

        assertThat(finding.code()).isEqualTo("RECENT_RADIATION");
        assertThat(finding.evidence()).containsExactly(
                new Evidence("history.radiationTherapy", "YES", null),
                new Evidence("history.radiationTherapyEndDate", "2026-06-30", null));
        assertThat(finding.reassessAfter()).isEqualTo(LocalDate.of(2027, 6, 30));
    }

    @Test
    void withoutEndDateThereIsNoReassessDate() {
        Finding finding = evaluate(Policy.defaults(), "YES", null, "2026-11-25").finding();

        assertThat(finding.evidence()).containsExactly(new Evidence("history.radiationTherapy", "YES", null));
        assertThat(finding.reassessAfter()).isNull();
    }

    @ParameterizedTest(name = "configured {0}, radiation {1} ended {2} ⇒ {3}")
    @CsvSource(textBlock = """
            REFER_TO_PROVIDER, YES,     2026-06-30, REFER_TO_PROVIDER
            REFER_TO_PROVIDER, YES,     ,           REFER_TO_PROVIDER
            REFER_TO_PROVIDER, UNKNOWN, ,           REFER_TO_PROVIDER
            INELIGIBLE,        YES,     2026-06-30, INELIGIBLE
            """)
    void configuredOutcomeAppliesToRecentTherapy(Outcome configured, String given, String endDate,
            String expected) {
        Policy policy = Policy.defaults().withOutcome(RecentRadiationRule.CODE, configured);

        assertThat(verdict(evaluate(policy, given, endDate, "2026-11-25"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "window 3 months, ended {0} ⇒ {1}")
    @CsvSource(textBlock = """
            2026-08-26, INELIGIBLE
            2026-08-25, CLEAR
            """)
    void configuredWindowMovesTheBoundary(String endDate, String expected) {
        assertThat(verdict(evaluate(windowOf(3), "YES", endDate, "2026-11-25"))).isEqualTo(expected);
    }

    @Test
    void catalogueEntryNamesCodeOutcomeAndParameter() {
        RecentRadiationRule rule = new RecentRadiationRule(Policy.defaults());

        assertThat(rule.code()).isEqualTo("RECENT_RADIATION");
        assertThat(rule.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(rule.parameters()).containsExactly(Map.entry("radiation-window-months", 12));
    }

    @ParameterizedTest(name = "radiation {0}, ended {1} ⇒ worded {2}, citing the window")
    @CsvSource(textBlock = """
            YES,     2026-06-01, PLAIN
            # without a known end there is no window to apply: a provider reviews the timing
            YES,     ,           REFER
            UNKNOWN, ,           REFER
            UNKNOWN, 2026-06-01, REFER
            """)
    void anUnknownTimingIsWordedAsAReferral(String given, String endDate, MessageVariant wording) {
        Finding finding = evaluate(Policy.defaults(), given, endDate, "2026-11-25").finding();

        assertThat(finding.variant()).isEqualTo(wording);
        assertThat(finding.messageArguments()).containsExactly("12");
    }
}
