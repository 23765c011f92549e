package org.microneedling.screening.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fires on the blood-thinner answer and on any recognised anticoagulant, antiplatelet or aspirin in
 * the medications list; the reason carries every trigger and the most severe of their outcomes.
 * Its message never suggests stopping a medicine: that question belongs to the prescriber.
 */
public final class BloodThinnersRule extends PolicyRule {

    public static final String CODE = "BLOOD_THINNERS";
    static final Outcome SHIPPED_OUTCOME = Outcome.INELIGIBLE;

    private final Outcome aspirinOutcome;
    private final MedicationCatalogue medications;

    public BloodThinnersRule(Policy policy, MedicationCatalogue medications) {
        super(CODE, policy, SHIPPED_OUTCOME);
        this.aspirinOutcome = policy.aspirinOutcome();
        this.medications = medications;
    }

    @Override
    public String criterion() {
        return "history.takesBloodThinners is YES (UNKNOWN: REFER_TO_PROVIDER), or a medication or medication code names a "
                + "recognised anticoagulant or antiplatelet, or aspirin (aspirin-outcome)";
    }

    @Override
    public String source() {
        return "Source article (patients on blood thinners); SkinPen labeling (hemostatic dysfunction); clinics require "
                + "the prescriber's approval. Recognised medicines: medications.tsv (RxNorm ingredients).";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("aspirin-outcome", aspirinOutcome.name());
    }

    @Override
    public Evaluation evaluate(Intake intake) {
        List<Evidence> evidence = new ArrayList<>();
        Outcome worst = null;
        // Only aspirin, or an UNKNOWN answer, leaves the use of a blood thinner unconfirmed.
        boolean confirmed = false;
        Answer answer = intake.answer(Question.TAKES_BLOOD_THINNERS);
        if (answer == Answer.YES || answer == Answer.UNKNOWN) {
            evidence.addAll(intake.evidence(Question.TAKES_BLOOD_THINNERS));
            worst = answer == Answer.YES ? outcome() : Outcome.REFER_TO_PROVIDER;
            confirmed = answer == Answer.YES;
        }
        List<Evidence> medicines = new ArrayList<>();
        intake.namedMedicines(medications).forEach(match -> medicines.add(Evidence.of(match)));
        intake.codedMedicines().forEach(code -> medicines.add(Evidence.of(code)));
        for (Evidence medicine : medicines) {
            MedicationClass medicationClass = medicine.medication().entry().medicationClass();
            Outcome triggered = switch (medicationClass) {
                case ANTICOAGULANT, ANTIPLATELET -> outcome();
                case ASPIRIN -> aspirinOutcome;
                case NSAID -> null;
            };
            if (triggered != null) {
                evidence.add(medicine);
                worst = worst == null ? triggered : Outcome.mostSevere(worst, triggered);
                confirmed |= medicationClass != MedicationClass.ASPIRIN;
            }
        }
        if (worst == null) {
            return Evaluation.CLEAR;
        }
        Finding finding = new Finding(CODE, worst, evidence, null);
        return Evaluation.fired(confirmed ? finding : finding.worded(MessageVariant.REFER));
    }
}
