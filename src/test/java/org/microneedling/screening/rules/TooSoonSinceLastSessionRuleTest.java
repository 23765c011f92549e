package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microneedling.screening.rules.RuleFixtures.date;
import static org.microneedling.screening.rules.RuleFixtures.healthyAdult;
import static org.microneedling.screening.rules.RuleFixtures.verdict;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TooSoonSinceLastSessionRuleTest {

    private static Evaluation evaluate(Policy policy, String lastSession) {
        return new TooSoonSinceLastSessionRule(policy)
                .evaluate(healthyAdult().lastMicroneedlingDate(date(lastSession)).build());
    }

    @ParameterizedTest(name = "last session {0} ({1}), on 2026-11-25 ⇒ {2}, reassess after {3}")
    @CsvSource(textBlock = """
            2026-11-25, same day,     INELIGIBLE, 2026-12-23
            2026-10-29, 27 days ago,  INELIGIBLE, 2026-11-26
            2026-10-28, 28 days ago,  CLEAR,
            2026-10-27, 29 days ago,  CLEAR,
            2025-01-01, long ago,     CLEAR,
            ,           never,        CLEAR,
            """)
    void twentyEightDaysIsTheBoundary(String lastSession, String description, String expected, String reassessAfter) {
        Evaluation evaluation = evaluate(Policy.defaults(), lastSession);

        assertThat(verdict(evaluation)).isEqualTo(expected);
        if (evaluation.fired()) {
            assertThat(evaluation.finding().reassessAfter()).isEqualTo(date(reassessAfter));
        }
    }

    @Test
    void reassessAfterIsLastSessionPlusInterval() {
        Finding finding = evaluate(Policy.defaults(), "2026-11-10").finding();

        assertThat(finding.code()).isEqualTo("TOO_SOON_SINCE_LAST_SESSION");
        assertThat(finding.reassessAfter()).isEqualTo(LocalDate.of(2026, 11, 10).plusDays(28));
        assertThat(finding.evidence()).isEqualTo(List.of(Evidence.of("lastMicroneedlingDate", "2026-11-10")));
    }

    @ParameterizedTest(name = "interval 42 days, last session {0} ⇒ {1}")
    @CsvSource(textBlock = """
            2026-10-15, INELIGIBLE
            2026-10-14, CLEAR
            """)
    void configuredIntervalMovesTheBoundary(String lastSession, String expected) {
        Policy sixWeeks = new Policy(18, 22, 12, 42, 6, 4, Policy.DEFAULT_EVALUATED_NEEDLE_DEPTH_MM,
                Outcome.REFER_TO_PROVIDER, Map.of());

        assertThat(verdict(evaluate(sixWeeks, lastSession))).isEqualTo(expected);
    }

    @Test
    void configuredOutcomeApplies() {
        Policy policy = Policy.defaults().withOutcome(TooSoonSinceLastSessionRule.CODE, Outcome.REFER_TO_PROVIDER);

        assertThat(verdict(evaluate(policy, "2026-11-20"))).isEqualTo("REFER_TO_PROVIDER");
    }

    @Test
    void catalogueEntryNamesCodeOutcomeAndParameter() {
        TooSoonSinceLastSessionRule rule = new TooSoonSinceLastSessionRule(Policy.defaults());

        assertThat(rule.code()).isEqualTo("TOO_SOON_SINCE_LAST_SESSION");
        assertThat(rule.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(rule.parameters()).containsExactly(Map.entry("session-interval-days", 28));
    }

    @Test
    void messageCitesTheInterval() {
        Finding finding = evaluate(Policy.defaults(), "2026-11-10").finding();

        assertThat(finding.variant()).isEqualTo(MessageVariant.PLAIN);
        assertThat(finding.messageArguments()).containsExactly("28");
    }
}
