package org.microneedling.screening.rules;

/**
 * The yes/no questions of the intake, each with its JSON path in the v1 contract. The request reader
 * copies each answer from the request field at its path, so a new question is declared here and in
 * the request record, not in the reader. The order is the one in which the CDS Hooks card lists
 * questions that the record left unanswered.
 */
public enum Question {
    PREGNANT("patient.pregnant"),
    BREASTFEEDING("patient.breastfeeding"),
    ACTIVE_ACNE("history.activeAcne"),
    ACTIVE_COLD_SORES("history.activeColdSores"),
    COLD_SORE_HISTORY("history.coldSoreHistory"),
    OTHER_ACTIVE_SKIN_INFECTION("history.otherActiveSkinInfection"),
    ECZEMA("history.eczema"),
    PSORIASIS("history.psoriasis"),
    KELOID_OR_HYPERTROPHIC_SCARRING("history.keloidOrHypertrophicScarring"),
    BLEEDING_DISORDER("history.bleedingDisorder"),
    TAKES_BLOOD_THINNERS("history.takesBloodThinners"),
    RADIATION_THERAPY("history.radiationTherapy"),
    TOPICAL_ANESTHETIC_ALLERGY("history.topicalAnestheticAllergy"),
    ISOTRETINOIN("history.isotretinoin"),
    SKIN_CANCER_IN_TREATMENT_AREA("history.skinCancerInTreatmentArea"),
    IMMUNOSUPPRESSED("history.immunosuppressed"),
    METAL_ALLERGY("history.metalAllergy"),
    SUNBURN_IN_TREATMENT_AREA("history.sunburnInTreatmentArea");

    private final String path;

    Question(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
