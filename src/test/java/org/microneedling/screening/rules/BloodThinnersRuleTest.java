package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.microneedling.screening.rules.RuleFixtures.answer;
import static org.microneedling.screening.rules.RuleFixtures.healthyAdult;
import static org.microneedling.screening.rules.RuleFixtures.verdict;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BloodThinnersRuleTest {

    private static final MedicationCatalogue MEDICINES = MedicationCatalogue.load();

    private static Policy aspirinOutcome(Outcome outcome) {
        return new Policy(18, 22, 12, 28, 6, 4, Policy.DEFAULT_EVALUATED_NEEDLE_DEPTH_MM, outcome, Map.of());
    }

    /** Medication lines are separated by semicolons in the tables. */
    private static List<String> lines(String medications) {
        return medications == null ? List.of() : Arrays.stream(medications.split(";")).map(String::trim).toList();
    }

    private static Evaluation evaluate(Policy policy, String given, String medications) {
        Intake intake = healthyAdult()
                .answer(Question.TAKES_BLOOD_THINNERS, answer(given))
                .medications(lines(medications))
                .build();
        return new BloodThinnersRule(policy, MEDICINES).evaluate(intake);
    }

    @ParameterizedTest(name = "takesBloodThinners {0}, medications [{1}] ⇒ {2}")
    @CsvSource(textBlock = """
            NO,      ,                                     CLEAR
            YES,     ,                                     INELIGIBLE
            UNKNOWN, ,                                     REFER_TO_PROVIDER
            NO,      Eliquis 5 mg twice daily,             INELIGIBLE
            NO,      clopidogrel 75 mg,                    INELIGIBLE
            NO,      aspirin 81 mg,                        REFER_TO_PROVIDER
            NO,      ASA 81mg,                             REFER_TO_PROVIDER
            NO,      Ecotrin,                              REFER_TO_PROVIDER
            # the reason's outcome is the most severe of its triggers
            UNKNOWN, aspirin 81 mg,                        REFER_TO_PROVIDER
            YES,     aspirin 81 mg,                        INELIGIBLE
            UNKNOWN, Plavix 75 mg,                         INELIGIBLE
            NO,      aspirin 81 mg; Xarelto 20 mg,         INELIGIBLE
            NO,      metformin 500 mg; aspirin 81 mg,      REFER_TO_PROVIDER
            # NSAIDs only raise an advisory
            NO,      ibuprofen 400 mg as needed,           CLEAR
            NO,      metformin 500 mg; levothyroxine,      CLEAR
            """)
    void mostSevereTriggerDecides(String given, String medications, String expected) {
        assertThat(verdict(evaluate(Policy.defaults(), given, medications))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "aspirin outcome {0}, takesBloodThinners {1}, medications [{2}] ⇒ {3}")
    @CsvSource(textBlock = """
            INELIGIBLE,        NO,      aspirin 81 mg,         INELIGIBLE
            INELIGIBLE,        UNKNOWN, aspirin 81 mg,         INELIGIBLE
            REFER_TO_PROVIDER, NO,      aspirin 81 mg,         REFER_TO_PROVIDER
            REFER_TO_PROVIDER, NO,      aspirin; warfarin,     INELIGIBLE
            """)
    void aspirinOutcomeIsConfigurable(Outcome aspirin, String given, String medications, String expected) {
        assertThat(verdict(evaluate(aspirinOutcome(aspirin), given, medications))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "configured {0}, takesBloodThinners {1}, medications [{2}] ⇒ {3}")
    @CsvSource(textBlock = """
            REFER_TO_PROVIDER, YES,     ,                  REFER_TO_PROVIDER
            REFER_TO_PROVIDER, NO,      Eliquis 5 mg,      REFER_TO_PROVIDER
            REFER_TO_PROVIDER, UNKNOWN, ,                  REFER_TO_PROVIDER
            REFER_TO_PROVIDER, NO,      aspirin 81 mg,     REFER_TO_PROVIDER
            INELIGIBLE,        NO,      Eliquis 5 mg,      INELIGIBLE
            """)
    void configuredOutcomeAppliesToAnswerAndMedicines(Outcome configured, String given, String medications,
            String expected) {
        Policy policy = Policy.defaults().withOutcome(BloodThinnersRule.CODE, configured);

        assertThat(verdict(evaluate(policy, given, medications))).isEqualTo(expected);
    }

    @Test
    void evidenceListsEveryTriggerInOneReason() {
        Intake intake = healthyAdult()
                .answer(Question.TAKES_BLOOD_THINNERS, Answer.YES)
                .medications(List.of("Eliquis 5 mg twice daily", "metformin 500 mg", "aspirin 81 mg daily",
                        "ibuprofen 400 mg"))
                .build();

        Finding finding = new BloodThinnersRule(Policy.defaults(), MEDICINES).evaluate(intake).finding();

        assertThat(finding.code()).isEqualTo("BLOOD_THINNERS");
        assertThat(finding.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(finding.evidence()).extracting(Evidence::path, Evidence::value).containsExactly(
                tuple("history.takesBloodThinners", "YES"),
                tuple("medications[0]", "Eliquis 5 mg twice daily"),
                tuple("medications[2]", "aspirin 81 mg daily"));
        assertThat(finding.evidence().get(1).medication().entry().ingredient()).isEqualTo("apixaban");
        assertThat(finding.evidence().get(1).medication().name()).isEqualTo("Eliquis");
        assertThat(finding.evidence().get(2).medication().entry().medicationClass()).isEqualTo(MedicationClass.ASPIRIN);
        assertThat(finding.reassessAfter()).isNull();
    }

    @Test
    void aspirinAloneIsReferredWithItsEvidence() {
        Finding finding = evaluate(Policy.defaults(), "NO", "ASA 81mg").finding();

        assertThat(finding.outcome()).isEqualTo(Outcome.REFER_TO_PROVIDER);
        assertThat(finding.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.path()).isEqualTo("medications[0]");
            assertThat(evidence.medication().entry().ingredient()).isEqualTo("aspirin");
            assertThat(evidence.medication().name()).isEqualTo("ASA");
        });
    }

    @Test
    void catalogueEntryNamesCodeOutcomeAndAspirinParameter() {
        BloodThinnersRule rule = new BloodThinnersRule(Policy.defaults(), MEDICINES);

        assertThat(rule.code()).isEqualTo("BLOOD_THINNERS");
        assertThat(rule.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(rule.parameters()).containsExactly(Map.entry("aspirin-outcome", "REFER_TO_PROVIDER"));
        assertThat(rule.source()).contains("medications.tsv");
    }

    @ParameterizedTest(name = "takesBloodThinners {0}, medications [{1}] ⇒ worded {2}")
    @CsvSource(textBlock = """
            YES,     ,                          PLAIN
            NO,      Eliquis 5 mg,              PLAIN
            # aspirin alone, or an UNKNOWN answer, does not confirm a blood thinner: a provider decides
            UNKNOWN, aspirin 81 mg,             REFER
            NO,      aspirin 81 mg,             REFER
            UNKNOWN, ,                          REFER
            UNKNOWN, Plavix 75 mg,              PLAIN
            NO,      aspirin 81 mg; Xarelto 20, PLAIN
            """)
    void onlyAConfirmedBloodThinnerIsWordedPlainly(String given, String medications, MessageVariant wording) {
        Finding finding = evaluate(Policy.defaults(), given, medications).finding();

        assertThat(finding.variant()).isEqualTo(wording);
        assertThat(finding.messageArguments()).isEmpty();
    }
}
