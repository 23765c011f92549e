package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microneedling.screening.rules.RuleFixtures.healthyAdult;
import static org.microneedling.screening.rules.RuleFixtures.verdict;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PigmentationRiskRuleTest {

    private static Evaluation evaluate(Policy policy, Integer type) {
        return new PigmentationRiskRule(policy).evaluate(healthyAdult().fitzpatrickSkinType(type).build());
    }

    @ParameterizedTest(name = "Fitzpatrick {1} ⇒ {2}")
    @CsvSource(textBlock = """
            1, I,      CLEAR
            2, II,     CLEAR
            3, III,    CLEAR
            4, IV,     REFER_TO_PROVIDER
            5, V,      REFER_TO_PROVIDER
            6, VI,     REFER_TO_PROVIDER
            ,  absent, NOT_ASSESSED
            """)
    void typesFourToSixAreReferred(Integer type, String roman, String expected) {
        Evaluation evaluation = evaluate(Policy.defaults(), type);

        assertThat(verdict(evaluation)).isEqualTo(expected);
        if (evaluation.fired()) {
            assertThat(evaluation.finding().evidence())
                    .containsExactly(new Evidence("patient.fitzpatrickSkinType", roman, null));
            assertThat(evaluation.finding().reassessAfter()).isNull();
        }
    }

    @ParameterizedTest(name = "minimum type V, Fitzpatrick {0} ⇒ {1}")
    @CsvSource(textBlock = """
            4, CLEAR
            5, REFER_TO_PROVIDER
            """)
    void configuredMinimumTypeMovesTheBoundary(int type, String expected) {
        Policy fromTypeFive = new Policy(18, 22, 12, 28, 6, 5, Policy.DEFAULT_EVALUATED_NEEDLE_DEPTH_MM,
                Outcome.REFER_TO_PROVIDER, Map.of());

        assertThat(verdict(evaluate(fromTypeFive, type))).isEqualTo(expected);
    }

    @Test
    void configuredOutcomeApplies() {
        Policy policy = Policy.defaults().withOutcome(PigmentationRiskRule.CODE, Outcome.INELIGIBLE);

        assertThat(verdict(evaluate(policy, 6))).isEqualTo("INELIGIBLE");
    }

    @Test
    void catalogueEntryNamesCodeOutcomeAndParameter() {
        PigmentationRiskRule rule = new PigmentationRiskRule(Policy.defaults());

        assertThat(rule.code()).isEqualTo("PIGMENTATION_RISK");
        assertThat(rule.outcome()).isEqualTo(Outcome.REFER_TO_PROVIDER);
        assertThat(rule.parameters()).containsExactly(Map.entry("pigmentation-risk-minimum-type", 4));
    }
}
