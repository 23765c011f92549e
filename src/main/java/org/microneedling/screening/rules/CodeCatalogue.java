package org.microneedling.screening.rules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The condition and medication codes the screening recognises, read from
 * {@code condition-codes.tsv} and {@code medication-codes.tsv}. Each row maps a code either to the
 * question it answers YES or to a medicine of {@code medications.tsv}. ICD-10-CM rows are prefixes
 * (stored without the dot), so that {@code L40} covers every psoriasis subcode a newer release adds;
 * SNOMED CT and RxNorm rows match exactly. Codes of other terminologies, and codes not listed, are
 * not recognised and change nothing.
 */
public final class CodeCatalogue {

    static final String CONDITIONS_RESOURCE = "condition-codes.tsv";
    static final String MEDICATIONS_RESOURCE = "medication-codes.tsv";

    private static final String MEDICINE_TARGET = "medicine:";

    private final List<Row> rows;
    private final byte[] sha256;

    /** One table row: a code, what it means, and what it counts as. */
    public record Row(CodeSystem system, String code, String concept, Question question, MedicationEntry medicine) {

        boolean matches(CodeSystem candidateSystem, String normalisedCode) {
            if (candidateSystem != system) {
                return false;
            }
            return system == CodeSystem.ICD_10_CM ? normalisedCode.startsWith(code) : normalisedCode.equals(code);
        }
    }

    private CodeCatalogue(List<Row> rows, byte[] sha256) {
        this.rows = List.copyOf(rows);
        this.sha256 = sha256;
    }

    public static CodeCatalogue load(MedicationCatalogue medications) {
        byte[] conditions = DataTable.read(CONDITIONS_RESOURCE);
        byte[] medicines = DataTable.read(MEDICATIONS_RESOURCE);
        List<Row> rows = new ArrayList<>(parse(CONDITIONS_RESOURCE, conditions, medications));
        rows.addAll(parse(MEDICATIONS_RESOURCE, medicines, medications));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(conditions);
            sha.update(medicines);
            return new CodeCatalogue(rows, sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Row> rows() {
        return rows;
    }

    /** Both tables' SHA-256, so that a change of a table changes the ruleset digest. */
    public byte[] sha256() {
        return sha256.clone();
    }

    /**
     * Every recognised code of a list, in list order; a code that matches several rows counts for
     * each distinct question or medicine once.
     *
     * @param field the request field the list came from, e.g. {@code conditionCodes}
     */
    public List<CodeMatch> recognise(List<ClinicalCode> codes, String field) {
        List<CodeMatch> matches = new ArrayList<>();
        for (int index = 0; index < codes.size(); index++) {
            ClinicalCode given = codes.get(index);
            if (given == null || given.code() == null) {
                continue;
            }
            CodeSystem system = CodeSystem.forUri(given.system());
            if (system == null) {
                continue;
            }
            String normalised = system.normalise(given.code());
            Set<Object> seen = new LinkedHashSet<>();
            for (Row row : rows) {
                Object target = row.question() != null ? row.question() : row.medicine();
                if (row.matches(system, normalised) && seen.add(target)) {
                    matches.add(new CodeMatch(field + "[" + index + "]", system, given.code(), row.concept(),
                            row.question(), row.medicine()));
                }
            }
        }
        return matches;
    }

    static List<Row> parse(String name, byte[] content, MedicationCatalogue medications) {
        List<Row> rows = new ArrayList<>();
        for (DataTable.Line line : DataTable.lines(name, content, 4)) {
            CodeSystem system = system(line);
            String code = system.normalise(line.columns()[1]);
            String target = line.column(2);
            String concept = line.column(3);
            if (target.startsWith(MEDICINE_TARGET)) {
                String ingredient = target.substring(MEDICINE_TARGET.length());
                MedicationEntry medicine = medications.entries().stream()
                        .filter(entry -> entry.ingredient().equals(ingredient)).findFirst().orElse(null);
                // A medication list without this medicine (a clinic's own) makes its codes unrecognised too.
                if (medicine != null) {
                    rows.add(new Row(system, code, concept, null, medicine));
                }
            } else {
                rows.add(new Row(system, code, concept, Question.valueOf(target), null));
            }
        }
        return rows;
    }

    private static CodeSystem system(DataTable.Line line) {
        String label = line.column(0);
        for (CodeSystem system : CodeSystem.values()) {
            if (system.name().equals(label.toUpperCase(Locale.ROOT).replace('-', '_'))) {
                return system;
            }
        }
        throw line.error("unknown code system " + label);
    }
}
