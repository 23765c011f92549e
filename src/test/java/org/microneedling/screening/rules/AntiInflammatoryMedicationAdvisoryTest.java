package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microneedling.screening.rules.RuleFixtures.healthyAdult;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AntiInflammatoryMedicationAdvisoryTest {

    private static final AntiInflammatoryMedicationAdvisory ADVISORY =
            new AntiInflammatoryMedicationAdvisory(MedicationCatalogue.load());

    private static Optional<AdvisoryFinding> evaluate(String medications) {
        List<String> lines = medications == null ? List.of()
                : Arrays.stream(medications.split(";")).map(String::trim).toList();
        return ADVISORY.evaluate(healthyAdult().medications(lines).build());
    }

    @ParameterizedTest(name = "medications [{0}] ⇒ {1}")
    @CsvSource(textBlock = """
            ibuprofen 400 mg as needed,   RAISED
            Advil,                        RAISED
            Motrin IB,                    RAISED
            naproxen 250 mg,              RAISED
            Aleve,                        RAISED
            Naprosyn,                     RAISED
            diclofenac gel,               RAISED
            Voltaren,                     RAISED
            celecoxib,                    RAISED
            Celebrex 200 mg,              RAISED
            meloxicam 15 mg,              RAISED
            Mobic,                        RAISED
            ketorolac,                    RAISED
            Toradol,                      RAISED
            indomethacin,                 RAISED
            Indocin,                      RAISED
            # aspirin belongs to BLOOD_THINNERS and never raises this advisory
            aspirin 81 mg,                NONE
            acetylsalicylic acid,         NONE
            ASA 81mg,                     NONE
            Ecotrin,                      NONE
            warfarin 5 mg,                NONE
            metformin 500 mg,             NONE
            ,                             NONE
            """)
    void raisedForNsaidsOtherThanAspirin(String medications, String expected) {
        assertThat(evaluate(medications).isPresent() ? "RAISED" : "NONE").isEqualTo(expected);
    }

    @Test
    void evidenceListsEveryNsaidButNotAspirin() {
        AdvisoryFinding finding = evaluate("aspirin 81 mg; ibuprofen 400 mg; metformin; Aleve").orElseThrow();

        assertThat(finding.code()).isEqualTo("ANTI_INFLAMMATORY_MEDICATION");
        assertThat(finding.evidence()).extracting(Evidence::path).containsExactly("medications[1]", "medications[3]");
        assertThat(finding.evidence()).extracting(evidence -> evidence.medication().entry().ingredient())
                .containsExactly("ibuprofen", "naproxen");
    }

    @Test
    void catalogueEntryNamesCodeAndSource() {
        assertThat(ADVISORY.code()).isEqualTo("ANTI_INFLAMMATORY_MEDICATION");
        assertThat(ADVISORY.criterion()).contains("aspirin");
        assertThat(ADVISORY.source()).isNotBlank();
    }
}
