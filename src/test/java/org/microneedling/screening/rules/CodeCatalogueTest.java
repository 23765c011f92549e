package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CodeCatalogueTest {

    private static final MedicationCatalogue MEDICATIONS = MedicationCatalogue.load();
    private static final CodeCatalogue CODES = CodeCatalogue.load(MEDICATIONS);

    private static List<CodeMatch> recognise(String system, String code) {
        return CODES.recognise(List.of(new ClinicalCode(system, code)), "conditionCodes");
    }

    @Test
    void everyMedicineRowOfTheShippedTablesNamesAShippedMedicine() {
        long medicineRows = CODES.rows().stream().filter(row -> row.medicine() != null).count();
        long isotretinoinRows = CODES.rows().stream().filter(row -> row.question() == Question.ISOTRETINOIN).count();
        assertThat(medicineRows + isotretinoinRows).isEqualTo(43);
    }

    @Test
    void icd10CodesMatchByPrefixIgnoringDotsAndCase() {
        assertThat(recognise(CodeSystem.ICD_10_CM.uri(), "L40.50")).extracting(CodeMatch::question)
                .containsExactly(Question.PSORIASIS);
        assertThat(recognise(CodeSystem.ICD_10_CM.uri(), " l400 ")).extracting(CodeMatch::question)
                .containsExactly(Question.PSORIASIS);
        assertThat(recognise(CodeSystem.ICD_10_CM.uri(), "L4")).isEmpty();
        assertThat(recognise(CodeSystem.ICD_10_CM.uri(), "L73.0")).as("acne keloid is not keloid scarring").isEmpty();
    }

    @Test
    void snomedAndRxNormMatchExactly() {
        assertThat(recognise(CodeSystem.SNOMED_CT.uri(), "9014002")).extracting(CodeMatch::concept)
                .containsExactly("psoriasis");
        assertThat(recognise(CodeSystem.SNOMED_CT.uri(), "90140021")).isEmpty();
        assertThat(recognise(CodeSystem.RXNORM.uri(), "1114199")).extracting(match -> match.medicine().ingredient())
                .containsExactly("rivaroxaban");
    }

    @Test
    void unknownSystemsAndMissingCodesAreNotRecognised() {
        assertThat(recognise("http://loinc.org", "L40.0")).isEmpty();
        assertThat(recognise(null, "L40.0")).isEmpty();
        assertThat(CODES.recognise(java.util.Arrays.asList(new ClinicalCode(CodeSystem.ICD_10_CM.uri(), null)),
                "conditionCodes")).isEmpty();
    }

    @Test
    void matchesKeepTheirPathAndTheCodeAsGiven() {
        List<CodeMatch> matches = CODES.recognise(List.of(new ClinicalCode("http://loinc.org", "x"),
                new ClinicalCode(CodeSystem.ICD_10_CM.uri(), "Z79.01")), "conditionCodes");
        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.path()).isEqualTo("conditionCodes[1]");
            assertThat(match.display()).isEqualTo("ICD-10-CM Z79.01");
            assertThat(match.question()).isEqualTo(Question.TAKES_BLOOD_THINNERS);
        });
    }

    @Test
    void codedConditionOverridesANoAnswerThroughTheRuleset() {
        Intake intake = Intake.builder(java.time.LocalDate.of(2026, 11, 25)).age(36).allNo()
                .conditionCodes(List.of(new ClinicalCode(CodeSystem.ICD_10_CM.uri(), "L55.9"))).build();
        Decision decision = Ruleset.defaults().decide(intake);
        assertThat(decision.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(decision.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(SunburnInAreaRule.CODE);
            assertThat(reason.evidence()).extracting(Evidence::path).containsExactly("conditionCodes[0]");
        });
    }
}
