package org.microneedling.screening.rules;

import java.util.List;
import java.util.Optional;

public final class EnergyAssistedBurnRiskAdvisory implements Advisory {

    public static final String CODE = "ENERGY_ASSISTED_BURN_RISK";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String criterion() {
        return "treatment.energyAssisted is true";
    }

    @Override
    public String source() {
        return "Source article (burns only with energy- or heat-assisted devices); FDA safety communication on "
                + "radiofrequency microneedling (burns, scarring, fat loss, nerve damage).";
    }

    @Override
    public Optional<AdvisoryFinding> evaluate(Intake intake) {
        if (!intake.energyAssisted()) {
            return Optional.empty();
        }
        return Optional.of(new AdvisoryFinding(CODE, List.of(Evidence.of("treatment.energyAssisted", true))));
    }
}
