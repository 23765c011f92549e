package org.microneedling.security;

/** Questionnaire bodies for the security tests. */
final class SampleRequests {

    static final String ELIGIBLE = request("visit-sec-0001", "1990-06-15", "metformin 500 mg");

    private SampleRequests() {
    }

    /** A valid questionnaire carrying the given external reference, date of birth and medication text. */
    static String request(String externalReference, String dateOfBirth, String medication) {
        return """
                {
                  "externalReference": "%s",
                  "asOf": "2026-11-25",
                  "patient": { "dateOfBirth": "%s", "pregnant": "NO", "breastfeeding": "NO", "fitzpatrickSkinType": "II" },
                  "history": {
                    "activeAcne": "NO", "activeColdSores": "NO", "coldSoreHistory": "NO",
                    "otherActiveSkinInfection": "NO", "eczema": "NO", "psoriasis": "NO",
                    "keloidOrHypertrophicScarring": "NO", "bleedingDisorder": "NO", "takesBloodThinners": "NO",
                    "radiationTherapy": "NO", "topicalAnestheticAllergy": "NO", "isotretinoin": "NO",
                    "skinCancerInTreatmentArea": "NO", "immunosuppressed": "NO", "metalAllergy": "NO",
                    "sunburnInTreatmentArea": "NO"
                  },
                  "medications": ["%s"],
                  "treatment": { "energyAssisted": false, "needleDepthMm": 1.0 }
                }
                """.formatted(externalReference, dateOfBirth, medication);
    }
}
