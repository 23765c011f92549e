package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microneedling.screening.rules.RuleFixtures.answer;
import static org.microneedling.screening.rules.RuleFixtures.healthyAdult;
import static org.microneedling.screening.rules.RuleFixtures.verdict;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeloidOrHypertrophicScarringRuleTest {

    private static Evaluation evaluate(Policy policy, Answer given) {
        return new KeloidOrHypertrophicScarringRule(policy).evaluate(healthyAdult().answer(Question.KELOID_OR_HYPERTROPHIC_SCARRING, given).build());
    }

    @ParameterizedTest(name = "keloidOrHypertrophicScarring {0} ⇒ {1}")
    @CsvSource(textBlock = """
            YES,     INELIGIBLE
            UNKNOWN, REFER_TO_PROVIDER
            NO,      CLEAR
            # required answer: the HTTP layer rejects its absence; the rule still refuses to clear it
            ABSENT,  NOT_ASSESSED
            """)
    void answerDecidesTheVerdict(String given, String expected) {
        assertThat(verdict(evaluate(Policy.defaults(), answer(given)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "configured {0}, keloidOrHypertrophicScarring {1} ⇒ {2}")
    @CsvSource(textBlock = """
            REFER_TO_PROVIDER, YES,     REFER_TO_PROVIDER
            REFER_TO_PROVIDER, UNKNOWN, REFER_TO_PROVIDER
            REFER_TO_PROVIDER, NO,      CLEAR
            INELIGIBLE,        YES,     INELIGIBLE
            INELIGIBLE,        UNKNOWN, REFER_TO_PROVIDER
            """)
    void configuredOutcomeAppliesToYes(Outcome configured, String given, String expected) {
        Policy policy = Policy.defaults().withOutcome(KeloidOrHypertrophicScarringRule.CODE, configured);
        assertThat(verdict(evaluate(policy, answer(given)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "keloidOrHypertrophicScarring {0} is the evidence")
    @CsvSource({"YES", "UNKNOWN"})
    void evidenceNamesTheAnswer(Answer given) {
        Finding finding = evaluate(Policy.defaults(), given).finding();
        assertThat(finding.code()).isEqualTo("KELOID_OR_HYPERTROPHIC_SCARRING");
        assertThat(finding.evidence()).containsExactly(new Evidence("history.keloidOrHypertrophicScarring", given.name(), null));
        assertThat(finding.reassessAfter()).isNull();
    }

    @Test
    void catalogueEntryNamesCodeOutcomeAndSource() {
        KeloidOrHypertrophicScarringRule rule = new KeloidOrHypertrophicScarringRule(Policy.defaults());
        assertThat(rule.code()).isEqualTo("KELOID_OR_HYPERTROPHIC_SCARRING");
        assertThat(rule.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(rule.criterion()).contains("history.keloidOrHypertrophicScarring");
        assertThat(rule.source()).isNotBlank();
        assertThat(rule.parameters()).isEmpty();
    }
}
