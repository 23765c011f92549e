package org.microneedling.screening.rules;

/**
 * A code recognised in a request's {@code conditionCodes} or {@code medicationCodes}.
 *
 * @param path the JSON path of the code, e.g. {@code conditionCodes[0]}
 * @param system the terminology the code belongs to
 * @param code the code as the caller gave it
 * @param concept what the code means to the screening, e.g. {@code psoriasis}
 * @param question the question the code answers YES, or {@code null} for a medicine
 * @param medicine the recognised medicine, or {@code null} for a code that answers a question
 */
public record CodeMatch(String path, CodeSystem system, String code, String concept, Question question,
        MedicationEntry medicine) {

    /** The code as staff read it, e.g. {@code ICD-10-CM L40.0}. */
    public String display() {
        return system.label() + " " + code.trim();
    }
}
