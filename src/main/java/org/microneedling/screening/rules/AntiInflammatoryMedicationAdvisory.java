package org.microneedling.screening.rules;

import java.util.ArrayList;
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
        List<Evidence> evidence = new ArrayList<>();
        intake.namedMedicines(medications).stream()
                .filter(match -> match.entry().medicationClass() == MedicationClass.NSAID)
                .forEach(match -> evidence.add(Evidence.of(match)));
        intake.codedMedicines().stream()
                .filter(code -> code.medicine().medicationClass() == MedicationClass.NSAID)
                .forEach(code -> evidence.add(Evidence.of(code)));
        return evidence.isEmpty() ? Optional.empty() : Optional.of(new AdvisoryFinding(CODE, evidence));
    }
}
