package org.microneedling.instructions;

import static org.microneedling.instructions.Instruction.general;
import static org.microneedling.instructions.Instruction.tailored;
import static org.microneedling.instructions.SheetSection.AFTER;
import static org.microneedling.instructions.SheetSection.BEFORE;
import static org.microneedling.instructions.SheetSection.CALL_THE_CLINIC;
import static org.microneedling.instructions.SheetSection.DAY_OF_TREATMENT;
import static org.microneedling.instructions.SheetSection.NEXT_STEPS;
import static org.microneedling.instructions.SheetSection.RESULTS;
import static org.microneedling.instructions.SheetSection.SIDE_EFFECTS;

import java.util.List;
import java.util.function.Predicate;

/**
 * Every fixed item of the patient's sheet, in the order it is shown, for a clinician to review in one place; where
 * each comes from is in docs/patient-instructions.md. The items that depend on a reason's own date or on the status
 * (what happens next) are made by {@link SheetBuilder}.
 *
 * <p>Preparation, the day, aftercare, results and side effects go only on a sheet whose patient may be treated: an
 * ineligible or declined patient gets no aftercare as if treated. A referral still waiting for its review gets them,
 * under the status line that says they apply only if the provider agrees.
 */
final class PatientInstructions {

    static final Predicate<PatientStatus> MAY_BE_TREATED = PatientStatus::mayBeTreated;
    static final Predicate<PatientStatus> NOT_TREATED = PatientStatus::notTreated;
    static final Predicate<PatientStatus> EVERY_STATUS = status -> true;

    static final String COLD_SORE_HISTORY = "COLD_SORE_HISTORY";
    static final String PIGMENTATION_RISK = "PIGMENTATION_RISK";

    static final List<Instruction> ITEMS = List.of(
            general(NEXT_STEPS, "next.other-options", NOT_TREATED),

            general(BEFORE, "before.tell", MAY_BE_TREATED),
            general(BEFORE, "before.medicines", MAY_BE_TREATED),
            tailored(BEFORE, "before.antiviral", MAY_BE_TREATED, COLD_SORE_HISTORY),
            tailored(BEFORE, "before.anti-inflammatory", MAY_BE_TREATED, "ANTI_INFLAMMATORY_MEDICATION"),
            general(BEFORE, "before.sun", MAY_BE_TREATED),
            tailored(BEFORE, "before.sun-extra", MAY_BE_TREATED, PIGMENTATION_RISK),
            general(BEFORE, "before.broken-skin", MAY_BE_TREATED),
            general(BEFORE, "before.clinic-steps", MAY_BE_TREATED),

            general(DAY_OF_TREATMENT, "day.clean", MAY_BE_TREATED),
            general(DAY_OF_TREATMENT, "day.how", MAY_BE_TREATED),
            general(DAY_OF_TREATMENT, "day.numbing", MAY_BE_TREATED),
            tailored(DAY_OF_TREATMENT, "day.numbing-allergy", MAY_BE_TREATED, "TOPICAL_ANESTHETIC_ALLERGY"),
            tailored(DAY_OF_TREATMENT, "day.metal", MAY_BE_TREATED, "METAL_ALLERGY"),
            tailored(DAY_OF_TREATMENT, "day.energy", MAY_BE_TREATED, "ENERGY_ASSISTED_BURN_RISK"),
            general(DAY_OF_TREATMENT, "day.length", MAY_BE_TREATED),
            general(DAY_OF_TREATMENT, "day.spots", MAY_BE_TREATED),
            tailored(DAY_OF_TREATMENT, "day.bleeding", MAY_BE_TREATED, "BLOOD_THINNERS", "BLEEDING_DISORDER"),

            general(AFTER, "after.redness", MAY_BE_TREATED),
            general(AFTER, "after.wash", MAY_BE_TREATED),
            general(AFTER, "after.makeup", MAY_BE_TREATED),
            general(AFTER, "after.sunscreen", MAY_BE_TREATED),
            tailored(AFTER, "after.sun-extra", MAY_BE_TREATED, PIGMENTATION_RISK),
            general(AFTER, "after.exercise", MAY_BE_TREATED),
            general(AFTER, "after.harsh", MAY_BE_TREATED),
            general(AFTER, "after.prescribed-cream", MAY_BE_TREATED),
            tailored(AFTER, "after.cold-sore", MAY_BE_TREATED, COLD_SORE_HISTORY),
            tailored(AFTER, "after.healing", MAY_BE_TREATED, "IMMUNOSUPPRESSION", "ISOTRETINOIN_RECENT"),
            tailored(AFTER, "after.deep", MAY_BE_TREATED, "DEPTH_BEYOND_EVALUATED_RANGE"),

            general(RESULTS, "results.week", MAY_BE_TREATED),
            general(RESULTS, "results.months", MAY_BE_TREATED),
            general(RESULTS, "results.sessions", MAY_BE_TREATED),
            general(RESULTS, "results.upkeep", MAY_BE_TREATED),
            general(RESULTS, "results.vary", MAY_BE_TREATED),

            general(SIDE_EFFECTS, "side.redness", MAY_BE_TREATED),
            general(SIDE_EFFECTS, "side.swelling", MAY_BE_TREATED),
            general(SIDE_EFFECTS, "side.flaking", MAY_BE_TREATED),
            general(SIDE_EFFECTS, "side.bruising", MAY_BE_TREATED),
            general(SIDE_EFFECTS, "side.itching", MAY_BE_TREATED),
            tailored(SIDE_EFFECTS, "side.pigment", MAY_BE_TREATED, PIGMENTATION_RISK),
            general(SIDE_EFFECTS, "side.rare", MAY_BE_TREATED),

            general(CALL_THE_CLINIC, "call.worse", MAY_BE_TREATED),
            general(CALL_THE_CLINIC, "call.infection", MAY_BE_TREATED),
            general(CALL_THE_CLINIC, "call.rash", MAY_BE_TREATED),
            general(CALL_THE_CLINIC, "call.marks", MAY_BE_TREATED),
            tailored(CALL_THE_CLINIC, "call.scar", MAY_BE_TREATED, "KELOID_OR_HYPERTROPHIC_SCARRING"),
            tailored(CALL_THE_CLINIC, "call.eczema", MAY_BE_TREATED, "ECZEMA"),
            tailored(CALL_THE_CLINIC, "call.psoriasis", MAY_BE_TREATED, "PSORIASIS"),
            tailored(CALL_THE_CLINIC, "call.burn", MAY_BE_TREATED, "ENERGY_ASSISTED_BURN_RISK"),
            general(CALL_THE_CLINIC, "call.glands", MAY_BE_TREATED),
            general(CALL_THE_CLINIC, "call.emergency", MAY_BE_TREATED),
            general(CALL_THE_CLINIC, "call.questions", EVERY_STATUS));

    private PatientInstructions() {
    }
}
