package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microneedling.screening.rules.RuleFixtures.date;
import static org.microneedling.screening.rules.RuleFixtures.verdict;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BelowTypicalAgeRuleTest {

    private static Evaluation evaluate(Policy policy, Intake intake) {
        return new BelowTypicalAgeRule(policy).evaluate(intake);
    }

    private static Intake bornOn(String dateOfBirth, String asOf) {
        return Intake.builder(LocalDate.parse(asOf)).allNo().dateOfBirth(LocalDate.parse(dateOfBirth)).build();
    }

    @ParameterizedTest(name = "born {0}, on {1} ⇒ {2}, reassess after {3}")
    @CsvSource(textBlock = """
            # the 22nd birthday ends the referral
            2004-06-15, 2026-06-14, REFER_TO_PROVIDER, 2026-06-15
            2004-06-15, 2026-06-15, CLEAR,
            2004-06-15, 2026-06-16, CLEAR,
            # the 18th birthday starts it; the day before is UNDER_MINIMUM_AGE's business
            2008-06-15, 2026-06-14, CLEAR,
            2008-06-15, 2026-06-15, REFER_TO_PROVIDER, 2030-06-15
            2008-06-15, 2026-06-16, REFER_TO_PROVIDER, 2030-06-15
            # 29 February birth: the 22nd birthday falls in a common year, so on 1 March
            2004-02-29, 2026-02-28, REFER_TO_PROVIDER, 2026-03-01
            2004-02-29, 2026-03-01, CLEAR,
            # 29 February birth, turning 20 in a leap year: the birthday counts on the day
            2008-02-29, 2028-02-28, REFER_TO_PROVIDER, 2030-03-01
            2008-02-29, 2028-02-29, REFER_TO_PROVIDER, 2030-03-01
            # 18th birthday of a 29 February birth is 1 March
            2008-02-29, 2026-02-28, CLEAR,
            2008-02-29, 2026-03-01, REFER_TO_PROVIDER, 2030-03-01
            """)
    void birthdaysAreTheBoundaries(String dateOfBirth, String asOf, String expected, String reassessAfter) {
        Evaluation evaluation = evaluate(Policy.defaults(), bornOn(dateOfBirth, asOf));

        assertThat(verdict(evaluation)).isEqualTo(expected);
        if (evaluation.fired()) {
            assertThat(evaluation.finding().reassessAfter()).isEqualTo(date(reassessAfter));
        }
    }

    @ParameterizedTest(name = "age {0} only ⇒ {1}, no reassessAfter")
    @CsvSource(textBlock = """
            17, CLEAR
            18, REFER_TO_PROVIDER
            21, REFER_TO_PROVIDER
            22, CLEAR
            60, CLEAR
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
        Finding finding = evaluate(Policy.defaults(), bornOn("2006-01-20", "2026-11-25")).finding();

        assertThat(finding.code()).isEqualTo("BELOW_TYPICAL_AGE");
        assertThat(finding.evidence()).containsExactly(
                Evidence.of("patient.dateOfBirth", "2006-01-20"), Evidence.of("patient.age", 20));
        assertThat(finding.reassessAfter()).isEqualTo(LocalDate.of(2028, 1, 20));
    }

    @ParameterizedTest(name = "configured {0}, age 20 ⇒ {0}")
    @CsvSource({"INELIGIBLE", "REFER_TO_PROVIDER"})
    void configuredOutcomeApplies(Outcome configured) {
        Policy policy = Policy.defaults().withOutcome(BelowTypicalAgeRule.CODE, configured);

        assertThat(verdict(evaluate(policy, RuleFixtures.healthyAdult().age(20).build()))).isEqualTo(configured.name());
    }

    @ParameterizedTest(name = "typical age 25, age {0} ⇒ {1}")
    @CsvSource(textBlock = """
            24, REFER_TO_PROVIDER
            25, CLEAR
            """)
    void configuredTypicalAgeMovesTheBoundary(int age, String expected) {
        Policy typicalTwentyFive = new Policy(18, 25, 12, 28, 6, 4, Policy.DEFAULT_EVALUATED_NEEDLE_DEPTH_MM,
                Outcome.REFER_TO_PROVIDER, Map.of());

        assertThat(verdict(evaluate(typicalTwentyFive, RuleFixtures.healthyAdult().age(age).build())))
                .isEqualTo(expected);
    }

    @Test
    void catalogueEntryNamesCodeOutcomeAndParameters() {
        BelowTypicalAgeRule rule = new BelowTypicalAgeRule(Policy.defaults());

        assertThat(rule.code()).isEqualTo("BELOW_TYPICAL_AGE");
        assertThat(rule.outcome()).isEqualTo(Outcome.REFER_TO_PROVIDER);
        assertThat(rule.parameters()).containsOnly(Map.entry("minimum-age", 18), Map.entry("typical-age", 22));
        assertThat(rule.source()).isNotBlank();
    }
}
