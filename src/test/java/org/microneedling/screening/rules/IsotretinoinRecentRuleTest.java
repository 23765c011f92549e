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

class IsotretinoinRecentRuleTest {

    private static Intake intake(String given, String stopDate, String asOf) {
        return RuleFixtures.healthyAdult(LocalDate.parse(asOf))
                .answer(Question.ISOTRETINOIN, answer(given))
                .isotretinoinStopDate(date(stopDate))
                .build();
    }

    private static Evaluation evaluate(Policy policy, String given, String stopDate, String asOf) {
        return new IsotretinoinRecentRule(policy).evaluate(intake(given, stopDate, asOf));
    }

    @ParameterizedTest(name = "isotretinoin {0}, stopped {1}, on {2} ⇒ {3}, reassess after {4}")
    @CsvSource(textBlock = """
            NO,      2026-05-26, 2026-11-25, REFER_TO_PROVIDER, 2026-11-26
            NO,      2026-05-25, 2026-11-25, CLEAR,
            NO,      2026-05-24, 2026-11-25, CLEAR,
            NO,      2026-11-25, 2026-11-25, REFER_TO_PROVIDER, 2027-05-25
            UNKNOWN, 2026-08-01, 2026-11-25, REFER_TO_PROVIDER, 2027-02-01
            UNKNOWN, 2026-05-25, 2026-11-25, CLEAR,
            # 31 August + 6 months is clamped to the end of February
            NO,      2026-08-31, 2027-02-27, REFER_TO_PROVIDER, 2027-02-28
            NO,      2026-08-31, 2027-02-28, CLEAR,
            NO,      2027-08-31, 2028-02-28, REFER_TO_PROVIDER, 2028-02-29
            NO,      2027-08-31, 2028-02-29, CLEAR,
            NO,      ,           2026-11-25, CLEAR,
            UNKNOWN, ,           2026-11-25, CLEAR,
            # current use is ISOTRETINOIN_CURRENT's reason, never RECENT, even with a stop date
            YES,     ,           2026-11-25, CLEAR,
            YES,     2026-10-01, 2026-11-25, CLEAR,
            ABSENT,  ,           2026-11-25, NOT_ASSESSED,
            ABSENT,  2026-10-01, 2026-11-25, NOT_ASSESSED,
            """)
    void sixMonthWindowAfterStopping(String given, String stopDate, String asOf, String expected,
            String reassessAfter) {
        Evaluation evaluation = evaluate(Policy.defaults(), given, stopDate, asOf);

        assertThat(verdict(evaluation)).isEqualTo(expected);
        if (evaluation.fired()) {
            assertThat(evaluation.finding().reassessAfter()).isEqualTo(date(reassessAfter));
        }
    }

    @Test
    void evidenceNamesAnswerAndStopDate() {
        Finding finding = evaluate(Policy.defaults(), "NO", "2026-09-15", "2026-11-25").finding();

        assertThat(finding.code()).isEqualTo("ISOTRETINOIN_RECENT");
        assertThat(finding.evidence()).containsExactly(
                new Evidence("history.isotretinoin", "NO", null),
                new Evidence("history.isotretinoinStopDate", "2026-09-15", null));
        assertThat(finding.reassessAfter()).isEqualTo(LocalDate.of(2027, 3, 15));
    }

    @ParameterizedTest(name = "isotretinoin {0}, stopped {1} ⇒ current {2}, recent {3}")
    @CsvSource(textBlock = """
            YES,     ,           INELIGIBLE,        CLEAR
            NO,      2026-09-15, CLEAR,             REFER_TO_PROVIDER
            UNKNOWN, 2026-09-15, REFER_TO_PROVIDER, REFER_TO_PROVIDER
            UNKNOWN, ,           REFER_TO_PROVIDER, CLEAR
            NO,      ,           CLEAR,             CLEAR
            ABSENT,  ,           NOT_ASSESSED,      NOT_ASSESSED
            """)
    void currentAndRecentReadTheSameAnswer(String given, String stopDate, String current, String recent) {
        Intake intake = intake(given, stopDate, "2026-11-25");

        assertThat(verdict(new IsotretinoinCurrentRule(Policy.defaults()).evaluate(intake))).isEqualTo(current);
        assertThat(verdict(new IsotretinoinRecentRule(Policy.defaults()).evaluate(intake))).isEqualTo(recent);
    }

    @Test
    void absentAnswerListsBothCodesAsNotAssessed() {
        Decision decision = Ruleset.defaults().decide(intake("ABSENT", null, "2026-11-25"));

        assertThat(decision.notAssessed()).contains("ISOTRETINOIN_CURRENT", "ISOTRETINOIN_RECENT");
        assertThat(decision.reasons()).extracting(Finding::code)
                .doesNotContain("ISOTRETINOIN_CURRENT", "ISOTRETINOIN_RECENT");
    }

    @ParameterizedTest(name = "configured {0} ⇒ {0}")
    @CsvSource({"INELIGIBLE", "REFER_TO_PROVIDER"})
    void configuredOutcomeApplies(Outcome configured) {
        Policy policy = Policy.defaults().withOutcome(IsotretinoinRecentRule.CODE, configured);

        assertThat(verdict(evaluate(policy, "NO", "2026-09-15", "2026-11-25"))).isEqualTo(configured.name());
    }

    @ParameterizedTest(name = "window 12 months, stopped {0} ⇒ {1}")
    @CsvSource(textBlock = """
            2025-11-26, REFER_TO_PROVIDER
            2025-11-25, CLEAR
            """)
    void configuredWindowMovesTheBoundary(String stopDate, String expected) {
        Policy twelveMonths = new Policy(18, 22, 12, 28, 12, 4, Policy.DEFAULT_EVALUATED_NEEDLE_DEPTH_MM,
                Outcome.REFER_TO_PROVIDER, Map.of());

        assertThat(verdict(evaluate(twelveMonths, "NO", stopDate, "2026-11-25"))).isEqualTo(expected);
    }

    @Test
    void catalogueEntryNamesCodeOutcomeAndParameter() {
        IsotretinoinRecentRule rule = new IsotretinoinRecentRule(Policy.defaults());

        assertThat(rule.code()).isEqualTo("ISOTRETINOIN_RECENT");
        assertThat(rule.outcome()).isEqualTo(Outcome.REFER_TO_PROVIDER);
        assertThat(rule.parameters()).containsExactly(Map.entry("isotretinoin-window-months", 6));
    }

    @ParameterizedTest(name = "isotretinoin {0}: the message cites the window")
    @CsvSource({"NO", "UNKNOWN"})
    void messageCitesTheWindow(String given) {
        Finding finding = evaluate(Policy.defaults(), given, "2026-09-15", "2026-11-25").finding();

        assertThat(finding.variant()).isEqualTo(MessageVariant.PLAIN);
        assertThat(finding.messageArguments()).containsExactly("6");
    }
}
