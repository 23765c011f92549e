package org.microneedling.screening.rules;

import java.util.List;
import java.util.Optional;

public final class AntiInflammatoryMedicationAdvisory implements Advisory {

    public static final String CODE = "ANTI_INFLAMMATORY_MEDICATION";

    private final MedicationCatalogue medications;

    public AntiInflammatoryMedicationAdvisory(MedicationCatalogue medications) {
        this.medications = medications;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String criterion() {
        return "a medication names a recognised NSAID other than aspirin";
    }

    @Override
    public String source() {
        return "Source article (avoid anti-inflammatory drugs before the procedure unless instructed); clinic pre-care "
                + "conventions. Whether to pause one is the provider's decision.";
    }

    @Override
    public Optional<AdvisoryFinding> evaluate(Intake intake) {
        List<Evidence> evidence = medications.recognise(intake.medications()).stream()
                .filter(match -> match.entry().medicationClass() == MedicationClass.NSAID)
                .map(Evidence::of)
                .toList();
        return evidence.isEmpty() ? Optional.empty() : Optional.of(new AdvisoryFinding(CODE, evidence));
    }
}
