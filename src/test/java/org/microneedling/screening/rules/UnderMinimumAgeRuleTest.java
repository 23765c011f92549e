package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microneedling.screening.rules.RuleFixtures.date;
import static org.microneedling.screening.rules.RuleFixtures.verdict;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnderMinimumAgeRuleTest {

    private static Evaluation evaluate(Policy policy, Intake intake) {
        return new UnderMinimumAgeRule(policy).evaluate(intake);
    }

    private static Intake bornOn(String dateOfBirth, String asOf) {
        return Intake.builder(LocalDate.parse(asOf)).allNo().dateOfBirth(LocalDate.parse(dateOfBirth)).build();
    }

    @ParameterizedTest(name = "born {0}, on {1} ⇒ {2}, reassess after {3}")
    @CsvSource(textBlock = """
            2008-06-15, 2026-06-14, INELIGIBLE, 2026-06-15
            2008-06-15, 2026-06-15, CLEAR,
            2008-06-15, 2026-06-16, CLEAR,
            2008-06-15, 2008-06-15, INELIGIBLE, 2026-06-15
            # a 29 February birthday falls on 1 March in a common year; the 18th always does
            2008-02-29, 2026-02-28, INELIGIBLE, 2026-03-01
            2008-02-29, 2026-03-01, CLEAR,
            2008-02-29, 2026-03-02, CLEAR,
            2008-12-31, 2026-12-30, INELIGIBLE, 2026-12-31
            2008-12-31, 2026-12-31, CLEAR,
            """)
    void eighteenthBirthdayIsTheBoundary(String dateOfBirth, String asOf, String expected, String reassessAfter) {
        Evaluation evaluation = evaluate(Policy.defaults(), bornOn(dateOfBirth, asOf));

        assertThat(verdict(evaluation)).isEqualTo(expected);
        if (evaluation.fired()) {
            assertThat(evaluation.finding().reassessAfter()).isEqualTo(date(reassessAfter));
        }
    }

    @ParameterizedTest(name = "minimum age 20, born 29 Feb 2008, on {0} ⇒ {1}")
    @CsvSource(textBlock = """
            # 2028 is a leap year: the 20th birthday is 29 February itself
            2028-02-28, INELIGIBLE, 2028-02-29
            2028-02-29, CLEAR,
            2028-03-01, CLEAR,
            """)
    void leapDayBirthdayInALeapYear(String asOf, String expected, String reassessAfter) {
        Policy minimumTwenty = new Policy(20, 22, 12, 28, 6, 4, Policy.DEFAULT_EVALUATED_NEEDLE_DEPTH_MM,
                Outcome.REFER_TO_PROVIDER, Map.of());

        Evaluation evaluation = evaluate(minimumTwenty, bornOn("2008-02-29", asOf));

        assertThat(verdict(evaluation)).isEqualTo(expected);
        if (evaluation.fired()) {
            assertThat(evaluation.finding().reassessAfter()).isEqualTo(date(reassessAfter));
        }
    }

    @ParameterizedTest(name = "age {0} only ⇒ {1}, no reassessAfter")
    @CsvSource(textBlock = """
            0,   INELIGIBLE
            17,  INELIGIBLE
            18,  CLEAR
            19,  CLEAR
            120, CLEAR
            """)
    void ageWithoutBirthDateHasNoReassessDate(int age, String expected) {
        Evaluation evaluation = evaluate(Policy.defaults(), RuleFixtures.healthyAdult().age(age).build());

        assertThat(verdict(evaluation)).isEqualTo(expected);
        if (evaluation.fired()) {
            assertThat(evaluation.finding().reassessAfter()).isNull();
            assertThat(evaluation.finding().evidence()).containsExactly(Evidence.of("patient.age", age));
        }
    }

    @Test
    void evidenceNamesBirthDateAndAge() {
        Finding finding = evaluate(Policy.defaults(), bornOn("2010-03-10", "2026-11-25")).finding();

        assertThat(finding.code()).isEqualTo("UNDER_MINIMUM_AGE");
        assertThat(finding.evidence()).containsExactly(
                Evidence.of("patient.dateOfBirth", "2010-03-10"), Evidence.of("patient.age", 16));
    }

    @ParameterizedTest(name = "configured {0}, age 17 ⇒ {0}")
    @CsvSource({"REFER_TO_PROVIDER", "INELIGIBLE"})
    void configuredOutcomeApplies(Outcome configured) {
        Policy policy = Policy.defaults().withOutcome(UnderMinimumAgeRule.CODE, configured);

        assertThat(verdict(evaluate(policy, RuleFixtures.healthyAdult().age(17).build()))).isEqualTo(configured.name());
    }

    @ParameterizedTest(name = "minimum age 21, age {0} ⇒ {1}")
    @CsvSource(textBlock = """
            20, INELIGIBLE
            21, CLEAR
            """)
    void configuredMinimumAgeMovesTheBoundary(int age, String expected) {
        Policy minimumTwentyOne = new Policy(21, 22, 12, 28, 6, 4, Policy.DEFAULT_EVALUATED_NEEDLE_DEPTH_MM,
                Outcome.REFER_TO_PROVIDER, Map.of());
        UnderMinimumAgeRule rule = new UnderMinimumAgeRule(minimumTwentyOne);

        assertThat(rule.parameters()).containsExactly(Map.entry("minimum-age", 21));
        assertThat(verdict(rule.evaluate(RuleFixtures.healthyAdult().age(age).build()))).isEqualTo(expected);
    }

    @Test
    void catalogueEntryNamesCodeOutcomeAndParameter() {
        UnderMinimumAgeRule rule = new UnderMinimumAgeRule(Policy.defaults());

        assertThat(rule.code()).isEqualTo("UNDER_MINIMUM_AGE");
        assertThat(rule.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(rule.parameters()).containsExactly(Map.entry("minimum-age", 18));
        assertThat(rule.criterion()).contains("minimum-age");
        assertThat(rule.source()).isNotBlank();
    }
}
