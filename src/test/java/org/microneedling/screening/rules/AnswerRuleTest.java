package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microneedling.screening.rules.RuleFixtures.healthyAdult;
import static org.microneedling.screening.rules.RuleFixtures.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules that fire on one yes/no answer, as one table: every rule in every answer, under its
 * shipped outcome and under each configurable one. A rule with behaviour of its own keeps a test
 * class of its own beside it.
 */
class AnswerRuleTest {

    private static final Outcome INELIGIBLE = Outcome.INELIGIBLE;
    private static final Outcome REFER = Outcome.REFER_TO_PROVIDER;

    /** One rule: how to build it, its code, its question, that question's JSON path and its shipped outcome. */
    record Row(Function<Policy, AnswerRule> rule, String code, Question question, String path, Outcome shipped) {

        AnswerRule under(Policy policy) {
            return rule.apply(policy);
        }

        Evaluation evaluate(Policy policy, Answer given) {
            return under(policy).evaluate(healthyAdult().answer(question, given).build());
        }

        @Override
        public String toString() {
            return code;
        }
    }

    static final List<Row> RULES = List.of(
            new Row(ActiveAcneRule::new, "ACTIVE_ACNE", Question.ACTIVE_ACNE, "history.activeAcne", INELIGIBLE),
            new Row(ActiveColdSoresRule::new, "ACTIVE_COLD_SORES", Question.ACTIVE_COLD_SORES,
                    "history.activeColdSores", INELIGIBLE),
            new Row(SkinInfectionRule::new, "SKIN_INFECTION", Question.OTHER_ACTIVE_SKIN_INFECTION,
                    "history.otherActiveSkinInfection", INELIGIBLE),
            new Row(EczemaRule::new, "ECZEMA", Question.ECZEMA, "history.eczema", INELIGIBLE),
            new Row(PsoriasisRule::new, "PSORIASIS", Question.PSORIASIS, "history.psoriasis", INELIGIBLE),
            new Row(KeloidOrHypertrophicScarringRule::new, "KELOID_OR_HYPERTROPHIC_SCARRING",
                    Question.KELOID_OR_HYPERTROPHIC_SCARRING, "history.keloidOrHypertrophicScarring", INELIGIBLE),
            new Row(BleedingDisorderRule::new, "BLEEDING_DISORDER", Question.BLEEDING_DISORDER,
                    "history.bleedingDisorder", INELIGIBLE),
            new Row(IsotretinoinCurrentRule::new, "ISOTRETINOIN_CURRENT", Question.ISOTRETINOIN,
                    "history.isotretinoin", INELIGIBLE),
            new Row(SkinCancerInAreaRule::new, "SKIN_CANCER_IN_AREA", Question.SKIN_CANCER_IN_TREATMENT_AREA,
                    "history.skinCancerInTreatmentArea", INELIGIBLE),
            new Row(SunburnInAreaRule::new, "SUNBURN_IN_AREA", Question.SUNBURN_IN_TREATMENT_AREA,
                    "history.sunburnInTreatmentArea", INELIGIBLE),
            new Row(PregnancyRule::new, "PREGNANCY", Question.PREGNANT, "patient.pregnant", REFER),
            new Row(BreastfeedingRule::new, "BREASTFEEDING", Question.BREASTFEEDING, "patient.breastfeeding", REFER),
            new Row(ColdSoreHistoryRule::new, "COLD_SORE_HISTORY", Question.COLD_SORE_HISTORY,
                    "history.coldSoreHistory", REFER),
            new Row(TopicalAnestheticAllergyRule::new, "TOPICAL_ANESTHETIC_ALLERGY",
                    Question.TOPICAL_ANESTHETIC_ALLERGY, "history.topicalAnestheticAllergy", REFER),
            new Row(ImmunosuppressionRule::new, "IMMUNOSUPPRESSION", Question.IMMUNOSUPPRESSED,
                    "history.immunosuppressed", REFER),
            new Row(MetalAllergyRule::new, "METAL_ALLERGY", Question.METAL_ALLERGY, "history.metalAllergy", REFER));

    static Stream<Row> rules() {
        return RULES.stream();
    }

    /**
     * Under the shipped policy: YES reports the shipped outcome, UNKNOWN a referral, NO nothing. An
     * absent answer is not assessed, whether it is required (the HTTP layer rejects its absence; the
     * rule still refuses to clear it) or optional (listed in notAssessed).
     */
    static Stream<Arguments> answers() {
        return rules().flatMap(row -> Stream.of(
                Arguments.of(row, Answer.YES, row.shipped().name()),
                Arguments.of(row, Answer.UNKNOWN, "REFER_TO_PROVIDER"),
                Arguments.of(row, Answer.NO, "CLEAR"),
                Arguments.of(row, null, "NOT_ASSESSED")));
    }

    @ParameterizedTest(name = "{0}: answer {1} ⇒ {2}")
    @MethodSource("answers")
    void answerDecidesTheVerdict(Row row, Answer given, String expected) {
        assertThat(verdict(row.evaluate(Policy.defaults(), given))).isEqualTo(expected);
    }

    /** A configured outcome applies to YES only: UNKNOWN stays a referral whatever the policy says. */
    static Stream<Arguments> configured() {
        List<Arguments> cases = new ArrayList<>();
        for (Row row : RULES) {
            for (Outcome configured : List.of(INELIGIBLE, REFER)) {
                cases.add(Arguments.of(row, configured, Answer.YES, configured.name()));
                cases.add(Arguments.of(row, configured, Answer.UNKNOWN, "REFER_TO_PROVIDER"));
                cases.add(Arguments.of(row, configured, Answer.NO, "CLEAR"));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: configured {1}, answer {2} ⇒ {3}")
    @MethodSource("configured")
    void configuredOutcomeAppliesToYes(Row row, Outcome configured, Answer given, String expected) {
        Policy policy = Policy.defaults().withOutcome(row.code(), configured);
        assertThat(verdict(row.evaluate(policy, given))).isEqualTo(expected);
    }

    /** YES is worded plainly; UNKNOWN in the words that ask a provider to clarify the answer. */
    static Stream<Arguments> firing() {
        return rules().flatMap(row -> Stream.of(Arguments.of(row, Answer.YES, MessageVariant.PLAIN),
                Arguments.of(row, Answer.UNKNOWN, MessageVariant.UNKNOWN)));
    }

    @ParameterizedTest(name = "{0}: answer {1} is the evidence, worded {2}")
    @MethodSource("firing")
    void evidenceNamesTheAnswer(Row row, Answer given, MessageVariant wording) {
        Finding finding = row.evaluate(Policy.defaults(), given).finding();
        assertThat(finding.code()).isEqualTo(row.code());
        assertThat(finding.evidence()).containsExactly(new Evidence(row.path(), given.name(), null));
        assertThat(finding.reassessAfter()).isNull();
        assertThat(finding.variant()).isEqualTo(wording);
        assertThat(finding.messageArguments()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void catalogueEntryNamesCodeOutcomeAndSource(Row row) {
        AnswerRule rule = row.under(Policy.defaults());
        assertThat(rule.code()).isEqualTo(row.code());
        assertThat(rule.outcome()).isEqualTo(row.shipped());
        assertThat(rule.question()).isEqualTo(row.question());
        assertThat(row.question().path()).isEqualTo(row.path());
        assertThat(rule.criterion()).contains(row.path());
        assertThat(rule.source()).isNotBlank();
        assertThat(rule.parameters()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void bothWordingsAreWrittenInEveryLanguage(Row row) {
        for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
            ResourceBundle messages = ResourceBundle.getBundle("i18n.messages", language,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (MessageVariant wording : List.of(MessageVariant.PLAIN, MessageVariant.UNKNOWN)) {
                assertThat(messages.containsKey("reason." + row.code() + wording.suffix()))
                        .as("%s %s in %s", row.code(), wording, language).isTrue();
            }
        }
    }

    @Test
    void theTableHasEveryAnswerRuleOfTheCatalogue() {
        List<String> answerRules = Ruleset.defaults().rules().stream().filter(AnswerRule.class::isInstance)
                .map(Rule::code).toList();
        assertThat(RULES).extracting(Row::code).containsExactlyInAnyOrderElementsOf(answerRules);
    }
}
