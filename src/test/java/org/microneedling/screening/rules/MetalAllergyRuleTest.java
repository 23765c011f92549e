package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microneedling.screening.rules.RuleFixtures.answer;
import static org.microneedling.screening.rules.RuleFixtures.healthyAdult;
import static org.microneedling.screening.rules.RuleFixtures.verdict;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetalAllergyRuleTest {

    private static Evaluation evaluate(Policy policy, Answer given) {
        return new MetalAllergyRule(policy).evaluate(healthyAdult().answer(Question.METAL_ALLERGY, given).build());
    }

    @ParameterizedTest(name = "metalAllergy {0} ⇒ {1}")
    @CsvSource(textBlock = """
            YES,     REFER_TO_PROVIDER
            UNKNOWN, REFER_TO_PROVIDER
            NO,      CLEAR
            # optional answer: not given means not assessed, listed in notAssessed
            ABSENT,  NOT_ASSESSED
            """)
    void answerDecidesTheVerdict(String given, String expected) {
        assertThat(verdict(evaluate(Policy.defaults(), answer(given)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "configured {0}, metalAllergy {1} ⇒ {2}")
    @CsvSource(textBlock = """
            INELIGIBLE,        YES,     INELIGIBLE
            INELIGIBLE,        UNKNOWN, REFER_TO_PROVIDER
            INELIGIBLE,        NO,      CLEAR
            REFER_TO_PROVIDER, YES,     REFER_TO_PROVIDER
            REFER_TO_PROVIDER, UNKNOWN, REFER_TO_PROVIDER
            """)
    void configuredOutcomeAppliesToYes(Outcome configured, String given, String expected) {
        Policy policy = Policy.defaults().withOutcome(MetalAllergyRule.CODE, configured);
        assertThat(verdict(evaluate(policy, answer(given)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "metalAllergy {0} is the evidence")
    @CsvSource({"YES", "UNKNOWN"})
    void evidenceNamesTheAnswer(Answer given) {
        Finding finding = evaluate(Policy.defaults(), given).finding();
        assertThat(finding.code()).isEqualTo("METAL_ALLERGY");
        assertThat(finding.evidence()).containsExactly(new Evidence("history.metalAllergy", given.name(), null));
        assertThat(finding.reassessAfter()).isNull();
    }

    @Test
    void catalogueEntryNamesCodeOutcomeAndSource() {
        MetalAllergyRule rule = new MetalAllergyRule(Policy.defaults());
        assertThat(rule.code()).isEqualTo("METAL_ALLERGY");
        assertThat(rule.outcome()).isEqualTo(Outcome.REFER_TO_PROVIDER);
        assertThat(rule.criterion()).contains("history.metalAllergy");
        assertThat(rule.source()).isNotBlank();
        assertThat(rule.parameters()).isEmpty();
    }
}
