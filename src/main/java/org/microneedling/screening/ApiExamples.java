package org.microneedling.screening;

/** Examples shown in the OpenAPI document; a test posts REQUEST and checks it answers like RESULT. */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String REQUEST = """
            {
              "externalReference": "visit-20261125-0042",
              "patientReference": "pt-000731",
              "asOf": "2026-11-25",
              "patient": {
                "dateOfBirth": "1990-06-15",
                "age": 36,
                "pregnant": "NO",
                "breastfeeding": "NO",
                "fitzpatrickSkinType": "III"
              },
              "history": {
                "activeAcne": "NO",
                "activeColdSores": "NO",
                "coldSoreHistory": "YES",
                "otherActiveSkinInfection": "NO",
                "eczema": "NO",
                "psoriasis": "NO",
                "keloidOrHypertrophicScarring": "NO",
                "bleedingDisorder": "NO",
                "takesBloodThinners": "NO",
                "radiationTherapy": "NO",
                "topicalAnestheticAllergy": "NO",
                "isotretinoin": "NO",
                "skinCancerInTreatmentArea": "NO",
                "immunosuppressed": "NO",
                "metalAllergy": "NO",
                "sunburnInTreatmentArea": "NO"
              },
              "medications": ["metformin 500 mg", "ibuprofen 400 mg as needed"],
              "lastMicroneedlingDate": "2026-09-30",
              "treatment": { "energyAssisted": false, "needleDepthMm": 1.0 }
            }
            """;

    static final String RESULT = """
            {
              "screeningId": "3f1c2a9e-6d1b-4f7e-9a61-0b8f2f5d7c11",
              "outcome": "REFER_TO_PROVIDER",
              "reasons": [
                {
                  "code": "COLD_SORE_HISTORY",
                  "outcome": "REFER_TO_PROVIDER",
                  "message": "The patient gets cold sores. Needling can trigger an outbreak; a prescriber decides whether antiviral protection is needed before treatment.",
                  "evidence": ["history.coldSoreHistory: YES"],
                  "source": "Source article (needling can trigger cold sores in people with oral herpes); CMAC herpes simplex guideline 2021 on antiviral prophylaxis.",
                  "reassessAfter": null
                }
              ],
              "advisories": [
                {
                  "code": "ANTI_INFLAMMATORY_MEDICATION",
                  "message": "The patient takes an anti-inflammatory pain reliever (NSAID). Whether it should be paused before the procedure is for the provider to decide with the patient.",
                  "evidence": ["medications[1]: 'ibuprofen 400 mg as needed' is ibuprofen, a non-steroidal anti-inflammatory drug"]
                }
              ],
              "notAssessed": [],
              "externalReference": "visit-20261125-0042",
              "patientReference": "pt-000731",
              "asOf": "2026-11-25",
              "ruleset": { "name": "microneedling", "version": "1.0.0", "digest": "sha256:…",
                "policy": { "clinicId": "default", "version": 0 } },
              "evaluatedAt": "2026-11-25T05:12:33Z"
            }
            """;

    static final String PROBLEM = """
            {
              "type": "urn:microneedling-screening:problem:invalid-input",
              "title": "Invalid input",
              "status": 400,
              "detail": "The questionnaire has 2 invalid field(s); see violations.",
              "violations": [
                { "field": "history.eczema", "message": "is required" },
                { "field": "patient.pregnant", "message": "must be YES, NO or UNKNOWN (or true/false)" }
              ]
            }
            """;
}
