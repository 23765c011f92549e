package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microneedling.screening.rules.RuleFixtures.date;
import static org.microneedling.screening.rules.RuleFixtures.verdict;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * UNDER_MINIMUM_AGE and BELOW_TYPICAL_AGE, as one table beside {@link AgeFindings}, the finding they
 * share: each is an age band whose reason expires on a birthday. {@code ages} is the policy's
 * minimum-age/typical-age.
 */
class AgeRulesTest {

    enum AgeRule {
        UNDER_MINIMUM_AGE(UnderMinimumAgeRule::new),
        BELOW_TYPICAL_AGE(BelowTypicalAgeRule::new);

        private final Function<Policy, Rule> rule;

        AgeRule(Function<Policy, Rule> rule) {
            this.rule = rule;
        }

        Rule under(String ages) {
            String[] limits = ages.split("/");
            Policy defaults = Policy.defaults();
            return rule.apply(new Policy(Integer.parseInt(limits[0]), Integer.parseInt(limits[1]),
                    defaults.radiationWindowMonths(), defaults.sessionIntervalDays(), defaults.isotretinoinWindowMonths(),
                    defaults.pigmentationRiskMinimumType(), defaults.evaluatedNeedleDepthMm(), defaults.aspirinOutcome(),
                    Map.of()));
        }
    }

    private static Intake bornOn(String dateOfBirth, String asOf) {
        return Intake.builder(LocalDate.parse(asOf)).allNo().dateOfBirth(LocalDate.parse(dateOfBirth)).build();
    }

    private static Intake aged(int age) {
        return RuleFixtures.healthyAdult().age(age).build();
    }

    @ParameterizedTest(name = "{0} at {1}, born {2}, on {3} ⇒ {4}, reassess after {5}")
    @CsvSource(textBlock = """
            # the 18th birthday ends UNDER_MINIMUM_AGE
            UNDER_MINIMUM_AGE, 18/22, 2008-06-15, 2026-06-14, INELIGIBLE,        2026-06-15
            UNDER_MINIMUM_AGE, 18/22, 2008-06-15, 2026-06-15, CLEAR,
            UNDER_MINIMUM_AGE, 18/22, 2008-06-15, 2026-06-16, CLEAR,
            UNDER_MINIMUM_AGE, 18/22, 2008-06-15, 2008-06-15, INELIGIBLE,        2026-06-15
            # a 29 February birthday falls on 1 March in a common year; the 18th always does
            UNDER_MINIMUM_AGE, 18/22, 2008-02-29, 2026-02-28, INELIGIBLE,        2026-03-01
            UNDER_MINIMUM_AGE, 18/22, 2008-02-29, 2026-03-01, CLEAR,
            UNDER_MINIMUM_AGE, 18/22, 2008-02-29, 2026-03-02, CLEAR,
            UNDER_MINIMUM_AGE, 18/22, 2008-12-31, 2026-12-30, INELIGIBLE,        2026-12-31
            UNDER_MINIMUM_AGE, 18/22, 2008-12-31, 2026-12-31, CLEAR,
            # minimum age 20: 2028 is a leap year, so the 20th birthday is 29 February itself
            UNDER_MINIMUM_AGE, 20/22, 2008-02-29, 2028-02-28, INELIGIBLE,        2028-02-29
            UNDER_MINIMUM_AGE, 20/22, 2008-02-29, 2028-02-29, CLEAR,
            UNDER_MINIMUM_AGE, 20/22, 2008-02-29, 2028-03-01, CLEAR,
            # the 22nd birthday ends the referral
            BELOW_TYPICAL_AGE, 18/22, 2004-06-15, 2026-06-14, REFER_TO_PROVIDER, 2026-06-15
            BELOW_TYPICAL_AGE, 18/22, 2004-06-15, 2026-06-15, CLEAR,
            BELOW_TYPICAL_AGE, 18/22, 2004-06-15, 2026-06-16, CLEAR,
            # the 18th birthday starts it; the day before is UNDER_MINIMUM_AGE's business
            BELOW_TYPICAL_AGE, 18/22, 2008-06-15, 2026-06-14, CLEAR,
            BELOW_TYPICAL_AGE, 18/22, 2008-06-15, 2026-06-15, REFER_TO_PROVIDER, 2030-06-15
            BELOW_TYPICAL_AGE, 18/22, 2008-06-15, 2026-06-16, REFER_TO_PROVIDER, 2030-06-15
            # 29 February birth: the 22nd birthday falls in a common year, so on 1 March
            BELOW_TYPICAL_AGE, 18/22, 2004-02-29, 2026-02-28, REFER_TO_PROVIDER, 2026-03-01
            BELOW_TYPICAL_AGE, 18/22, 2004-02-29, 2026-03-01, CLEAR,
            # 29 February birth, turning 20 in a leap year: the birthday counts on the day
            BELOW_TYPICAL_AGE, 18/22, 2008-02-29, 2028-02-28, REFER_TO_PROVIDER, 2030-03-01
            BELOW_TYPICAL_AGE, 18/22, 2008-02-29, 2028-02-29, REFER_TO_PROVIDER, 2030-03-01
            # 18th birthday of a 29 February birth is 1 March
            BELOW_TYPICAL_AGE, 18/22, 2008-02-29, 2026-02-28, CLEAR,
            BELOW_TYPICAL_AGE, 18/22, 2008-02-29, 2026-03-01, REFER_TO_PROVIDER, 2030-03-01
            """)
    void birthdaysAreTheBoundaries(AgeRule rule, String ages, String dateOfBirth, String asOf, String expected,
            String reassessAfter) {
        Evaluation evaluation = rule.under(ages).evaluate(bornOn(dateOfBirth, asOf));

        assertThat(verdict(evaluation)).isEqualTo(expected);
        if (evaluation.fired()) {
            assertThat(evaluation.finding().reassessAfter()).isEqualTo(date(reassessAfter));
        }
    }

    @ParameterizedTest(name = "{0} at {1}, age {2} only ⇒ {3}, no reassessAfter")
    @CsvSource(textBlock = """
            UNDER_MINIMUM_AGE, 18/22, 0,   INELIGIBLE
            UNDER_MINIMUM_AGE, 18/22, 17,  INELIGIBLE
            UNDER_MINIMUM_AGE, 18/22, 18,  CLEAR
            UNDER_MINIMUM_AGE, 18/22, 19,  CLEAR
            UNDER_MINIMUM_AGE, 18/22, 120, CLEAR
            # a configured minimum age moves the boundary
            UNDER_MINIMUM_AGE, 21/22, 20,  INELIGIBLE
            UNDER_MINIMUM_AGE, 21/22, 21,  CLEAR
            BELOW_TYPICAL_AGE, 18/22, 17,  CLEAR
            BELOW_TYPICAL_AGE, 18/22, 18,  REFER_TO_PROVIDER
            BELOW_TYPICAL_AGE, 18/22, 21,  REFER_TO_PROVIDER
            BELOW_TYPICAL_AGE, 18/22, 22,  CLEAR
            BELOW_TYPICAL_AGE, 18/22, 60,  CLEAR
            # a configured typical age moves the boundary
            BELOW_TYPICAL_AGE, 18/25, 24,  REFER_TO_PROVIDER
            BELOW_TYPICAL_AGE, 18/25, 25,  CLEAR
            """)
    void ageWithoutBirthDateHasNoReassessDate(AgeRule rule, String ages, int age, String expected) {
        Evaluation evaluation = rule.under(ages).evaluate(aged(age));

        assertThat(verdict(evaluation)).isEqualTo(expected);
        if (evaluation.fired()) {
            assertThat(evaluation.finding().reassessAfter()).isNull();
            assertThat(evaluation.finding().evidence()).containsExactly(Evidence.of("patient.age", age));
        }
    }

    @ParameterizedTest(name = "{0} at {1}, born {2}: evidence and message cite {5}")
    @CsvSource(textBlock = """
            UNDER_MINIMUM_AGE, 18/22, 2010-03-10, 16, 2028-03-10, 18
            BELOW_TYPICAL_AGE, 18/22, 2006-01-20, 20, 2028-01-20, 22
            BELOW_TYPICAL_AGE, 18/25, 2006-01-20, 20, 2031-01-20, 25
            """)
    void evidenceNamesBirthDateAndAge(AgeRule rule, String ages, String dateOfBirth, int age, String reassessAfter,
            String cited) {
        Finding finding = rule.under(ages).evaluate(bornOn(dateOfBirth, "2026-11-25")).finding();

        assertThat(finding.code()).isEqualTo(rule.name());
        assertThat(finding.evidence()).containsExactly(
                Evidence.of("patient.dateOfBirth", dateOfBirth), Evidence.of("patient.age", age));
        assertThat(finding.reassessAfter()).isEqualTo(date(reassessAfter));
        assertThat(finding.variant()).isEqualTo(MessageVariant.PLAIN);
        assertThat(finding.messageArguments()).containsExactly(cited);
    }

    @ParameterizedTest(name = "{0}: configured {1}, age {2} ⇒ {1}")
    @CsvSource(textBlock = """
            UNDER_MINIMUM_AGE, REFER_TO_PROVIDER, 17
            UNDER_MINIMUM_AGE, INELIGIBLE,        17
            BELOW_TYPICAL_AGE, INELIGIBLE,        20
            BELOW_TYPICAL_AGE, REFER_TO_PROVIDER, 20
            """)
    void configuredOutcomeApplies(AgeRule rule, Outcome configured, int age) {
        Rule configuredRule = rule.rule.apply(Policy.defaults().withOutcome(rule.name(), configured));

        assertThat(verdict(configuredRule.evaluate(aged(age)))).isEqualTo(configured.name());
    }

    @ParameterizedTest(name = "{0} at {1}: outcome {2}, minimum-age {3}, typical-age {4}")
    @CsvSource(textBlock = """
            UNDER_MINIMUM_AGE, 18/22, INELIGIBLE,        18,
            UNDER_MINIMUM_AGE, 21/22, INELIGIBLE,        21,
            BELOW_TYPICAL_AGE, 18/22, REFER_TO_PROVIDER, 18, 22
            """)
    void catalogueEntryNamesCodeOutcomeAndParameters(AgeRule rule, String ages, Outcome shipped, int minimumAge,
            Integer typicalAge) {
        Rule configured = rule.under(ages);
        Map<String, Object> parameters = typicalAge == null ? Map.of("minimum-age", minimumAge)
                : Map.of("minimum-age", minimumAge, "typical-age", typicalAge);

        assertThat(configured.code()).isEqualTo(rule.name());
        assertThat(configured.outcome()).isEqualTo(shipped);
        assertThat(configured.parameters()).containsExactlyInAnyOrderEntriesOf(parameters);
        assertThat(configured.criterion()).contains("minimum-age");
        assertThat(configured.source()).isNotBlank();
    }

    @Test
    void theTablesEighteenAndTwentyTwoAreTheDefaultPolicy() {
        assertThat(AgeRule.UNDER_MINIMUM_AGE.under("18/22").parameters())
                .isEqualTo(new UnderMinimumAgeRule(Policy.defaults()).parameters());
        assertThat(AgeRule.BELOW_TYPICAL_AGE.under("18/22").parameters())
                .isEqualTo(new BelowTypicalAgeRule(Policy.defaults()).parameters());
    }
}
