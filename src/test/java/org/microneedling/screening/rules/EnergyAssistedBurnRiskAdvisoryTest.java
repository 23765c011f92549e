package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microneedling.screening.rules.RuleFixtures.healthyAdult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnergyAssistedBurnRiskAdvisoryTest {

    private final EnergyAssistedBurnRiskAdvisory advisory = new EnergyAssistedBurnRiskAdvisory();

    @ParameterizedTest(name = "energyAssisted {0} ⇒ {1}")
    @CsvSource(textBlock = """
            true,  RAISED
            false, NONE
            """)
    void raisedOnlyForEnergyAssistedDevices(boolean energyAssisted, String expected) {
        boolean raised = advisory.evaluate(healthyAdult().energyAssisted(energyAssisted).build()).isPresent();

        assertThat(raised ? "RAISED" : "NONE").isEqualTo(expected);
    }

    @Test
    void evidenceNamesTheTreatmentField() {
        AdvisoryFinding finding = advisory.evaluate(healthyAdult().energyAssisted(true).build()).orElseThrow();

        assertThat(finding.code()).isEqualTo("ENERGY_ASSISTED_BURN_RISK");
        assertThat(finding.evidence()).containsExactly(new Evidence("treatment.energyAssisted", "true", null));
    }
}
