package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microneedling.screening.rules.RuleFixtures.answer;
import static org.microneedling.screening.rules.RuleFixtures.healthyAdult;
import static org.microneedling.screening.rules.RuleFixtures.verdict;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EczemaRuleTest {

    private static Evaluation evaluate(Policy policy, Answer given) {
        return new EczemaRule(policy).evaluate(healthyAdult().answer(Question.ECZEMA, given).build());
    }

    @ParameterizedTest(name = "eczema {0} ⇒ {1}")
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

    @ParameterizedTest(name = "configured {0}, eczema {1} ⇒ {2}")
    @CsvSource(textBlock = """
            REFER_TO_PROVIDER, YES,     REFER_TO_PROVIDER
            REFER_TO_PROVIDER, UNKNOWN, REFER_TO_PROVIDER
            REFER_TO_PROVIDER, NO,      CLEAR
            INELIGIBLE,        YES,     INELIGIBLE
            INELIGIBLE,        UNKNOWN, REFER_TO_PROVIDER
            """)
    void configuredOutcomeAppliesToYes(Outcome configured, String given, String expected) {
        Policy policy = Policy.defaults().withOutcome(EczemaRule.CODE, configured);
        assertThat(verdict(evaluate(policy, answer(given)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "eczema {0} is the evidence")
    @CsvSource({"YES", "UNKNOWN"})
    void evidenceNamesTheAnswer(Answer given) {
        Finding finding = evaluate(Policy.defaults(), given).finding();
        assertThat(finding.code()).isEqualTo("ECZEMA");
        assertThat(finding.evidence()).containsExactly(new Evidence("history.eczema", given.name(), null));
        assertThat(finding.reassessAfter()).isNull();
    }

    @Test
    void catalogueEntryNamesCodeOutcomeAndSource() {
        EczemaRule rule = new EczemaRule(Policy.defaults());
        assertThat(rule.code()).isEqualTo("ECZEMA");
        assertThat(rule.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(rule.criterion()).contains("history.eczema");
        assertThat(rule.source()).isNotBlank();
        assertThat(rule.parameters()).isEmpty();
    }
}
