package org.microneedling.screening.rules;

/**
 * What triggered a reason or an advisory: an answer at a JSON path, or a recognised medicine.
 *
 * @param path the JSON path of the answer, e.g. {@code history.eczema} or {@code medications[1]}
 * @param value the answer as given, e.g. {@code YES}, {@code 2026-11-10} or the medication text
 * @param medication the recognised medicine, or {@code null} for an answer
 */
public record Evidence(String path, String value, MedicationMatch medication) {

    public static Evidence of(Question question, Answer answer) {
        return new Evidence(question.path(), answer.name(), null);
    }

    public static Evidence of(String path, Object value) {
        return new Evidence(path, String.valueOf(value), null);
    }

    public static Evidence of(MedicationMatch match) {
        return new Evidence("medications[" + match.index() + "]", match.text(), match);
    }
}
