package org.microneedling.screening.rules;

/**
 * What triggered a reason or an advisory: an answer at a JSON path, a recognised medicine, or a
 * recognised code.
 *
 * @param path the JSON path of the answer, e.g. {@code history.eczema}, {@code medications[1]} or
 *        {@code conditionCodes[0]}
 * @param value the answer as given, e.g. {@code YES}, {@code 2026-11-10}, the medication text or the code
 * @param medication the recognised medicine, or {@code null} for an answer or a condition code
 * @param code the recognised code, or {@code null} for an answer or free text
 */
public record Evidence(String path, String value, MedicationMatch medication, CodeMatch code) {

    public Evidence(String path, String value, MedicationMatch medication) {
        this(path, value, medication, null);
    }

    public static Evidence of(Question question, Answer answer) {
        return new Evidence(question.path(), answer.name(), null);
    }

    public static Evidence of(String path, Object value) {
        return new Evidence(path, String.valueOf(value), null);
    }

    public static Evidence of(MedicationMatch match) {
        return new Evidence("medications[" + match.index() + "]", match.text(), match);
    }

    public static Evidence of(CodeMatch code) {
        MedicationMatch medicine = code.medicine() == null ? null
                : new MedicationMatch(-1, code.display(), code.medicine().ingredient(), code.medicine());
        return new Evidence(code.path(), code.display(), medicine, code);
    }
}
