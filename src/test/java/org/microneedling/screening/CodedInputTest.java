package org.microneedling.screening;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** conditionCodes and medicationCodes on the JSON request. */
@QuarkusTest
class CodedInputTest {

    private static final String ICD = "http://hl7.org/fhir/sid/icd-10-cm";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private static String codes(String... systemsAndCodes) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < systemsAndCodes.length; i += 2) {
            json.append(i == 0 ? "" : ",").append("{\"system\":\"").append(systemsAndCodes[i])
                    .append("\",\"code\":\"").append(systemsAndCodes[i + 1]).append("\"}");
        }
        return json.append(']').toString();
    }

    @Test
    void icd10PsoriasisCountsAsYesAndTheEvidenceNamesTheCode() {
        ScreeningResourceTest.post(Questionnaires.eligible().with("conditionCodes", codes(ICD, "L40.0")))
                .statusCode(200)
                .body("outcome", equalTo("INELIGIBLE"))
                .body("reasons.code", contains("PSORIASIS"))
                .body("reasons[0].evidence", contains("conditionCodes[0]: ICD-10-CM L40.0 (psoriasis)"))
                .body("reasons[0].message", not(containsString("not known")));
    }

    @Test
    void icd10CodesMatchByPrefixWithOrWithoutTheDot() {
        ScreeningResourceTest.post(Questionnaires.eligible().with("conditionCodes", codes(ICD, "d6800", ICD, "L91.0")))
                .statusCode(200)
                .body("reasons.code", contains("KELOID_OR_HYPERTROPHIC_SCARRING", "BLEEDING_DISORDER"))
                .body("reasons[1].evidence", contains("conditionCodes[0]: ICD-10-CM d6800 (coagulation defect)"));
    }

    @Test
    void snomedCodeAnswersAnOptionalQuestionThatWasNotAsked() {
        ScreeningResourceTest.post(Questionnaires.minimal().with("conditionCodes", codes(SNOMED, "77386006", SNOMED,
                "86406008")))
                .statusCode(200)
                .body("reasons.code", hasItem("IMMUNOSUPPRESSION"))
                .body("reasons.code", hasItem("PREGNANCY"))
                .body("notAssessed", not(hasItem("IMMUNOSUPPRESSION")));
    }

    @Test
    void theMoreSevereAnswerWinsAndAGivenYesIsKeptAsEvidence() {
        ScreeningResourceTest.post(Questionnaires.eligible().answer("history.eczema", "YES")
                .answer("history.psoriasis", "UNKNOWN")
                .with("conditionCodes", codes(ICD, "L20.9", ICD, "L40.9")))
                .statusCode(200)
                .body("reasons.code", contains("ECZEMA", "PSORIASIS"))
                .body("reasons.outcome", contains("INELIGIBLE", "INELIGIBLE"))
                .body("reasons[0].evidence", contains("history.eczema: YES",
                        "conditionCodes[0]: ICD-10-CM L20.9 (atopic dermatitis)"))
                .body("reasons[1].evidence", contains("conditionCodes[1]: ICD-10-CM L40.9 (psoriasis)"));
    }

    @Test
    void rxNormApixabanCountsAsARecognisedBloodThinner() {
        ScreeningResourceTest.post(Questionnaires.eligible().with("medicationCodes", codes(RXNORM, "1364430")))
                .statusCode(200)
                .body("outcome", equalTo("INELIGIBLE"))
                .body("reasons.code", contains("BLOOD_THINNERS"))
                .body("reasons[0].evidence", contains("medicationCodes[0]: RxNorm 1364430 is apixaban, an anticoagulant"))
                .body("reasons[0].message", containsString("prescriber"));
    }

    @Test
    void rxNormBrandAspirinAndIsotretinoinFollowTheirRules() {
        ScreeningResourceTest.post(Questionnaires.eligible().with("medicationCodes",
                codes(RXNORM, "174742", RXNORM, "1191", RXNORM, "202795")))
                .statusCode(200)
                .body("reasons.code", contains("BLOOD_THINNERS", "ISOTRETINOIN_CURRENT"))
                .body("reasons[0].evidence", contains("medicationCodes[0]: RxNorm 174742 is clopidogrel, an antiplatelet medicine",
                        "medicationCodes[1]: RxNorm 1191 is aspirin, an antiplatelet pain reliever"))
                .body("reasons[1].evidence", contains("medicationCodes[2]: RxNorm 202795 (Accutane (BN))"));
    }

    @Test
    void longTermAnticoagulantCodeIsAConfirmedBloodThinner() {
        ScreeningResourceTest.post(Questionnaires.eligible().with("conditionCodes", codes(ICD, "Z79.01")))
                .statusCode(200)
                .body("reasons[0].code", equalTo("BLOOD_THINNERS"))
                .body("reasons[0].outcome", equalTo("INELIGIBLE"))
                .body("reasons[0].message", not(containsString("not confirmed")));
    }

    @Test
    void unrecognisedSystemsAndCodesAreAcceptedAndChangeNothing() {
        ScreeningResourceTest.post(Questionnaires.eligible()
                .with("conditionCodes", codes("http://loinc.org", "66555-4", ICD, "I10", SNOMED, "33659008"))
                .with("medicationCodes", codes(RXNORM, "6809")))
                .statusCode(200)
                .body("outcome", equalTo("ELIGIBLE"))
                .body("reasons", empty());
    }

    @Test
    void malformedCodeEntriesNameTheirField() {
        ScreeningResourceTest.post(Questionnaires.eligible()
                .with("conditionCodes", "[{\"code\": \"L40.0\"}, \"L40.0\", {\"system\": 1, \"code\": \"x\"}]")
                .with("medicationCodes", "[{\"system\": \"" + RXNORM + "\", \"code\": \"1191\", \"display\": \"x\"}]"))
                .statusCode(400)
                .body("violations.field", contains("conditionCodes[0].system", "conditionCodes[1]",
                        "conditionCodes[2].system", "medicationCodes[0].display"));
    }

    @Test
    void codeListsMustBeArrays() {
        ScreeningResourceTest.post(Questionnaires.eligible().with("conditionCodes", "{}"))
                .statusCode(400)
                .body("violations.field", contains("conditionCodes"));
    }
}
