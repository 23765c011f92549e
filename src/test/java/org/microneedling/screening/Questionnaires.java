package org.microneedling.screening;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.microneedling.screening.rules.Answer;

/** Test questionnaires: a healthy, fully answered baseline that tests change one path at a time. */
public final class Questionnaires {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String DEFAULT_AS_OF = "2026-11-25";

    private final ObjectNode root;

    private Questionnaires(ObjectNode root) {
        this.root = root;
    }

    /** A 36-year-old with every answer NO, Fitzpatrick III, no medicines: ELIGIBLE. */
    public static Questionnaires eligible() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("externalReference", "visit-test-0001");
        root.put("asOf", DEFAULT_AS_OF);
        ObjectNode patient = root.putObject("patient");
        patient.put("dateOfBirth", "1990-06-15");
        patient.put("pregnant", "NO");
        patient.put("breastfeeding", "NO");
        patient.put("fitzpatrickSkinType", "III");
        ObjectNode history = root.putObject("history");
        historyAnswers(false).forEach(answer -> history.put(answer, "NO"));
        root.putArray("medications").add("metformin 500 mg");
        ObjectNode treatment = root.putObject("treatment");
        treatment.put("energyAssisted", false);
        treatment.put("needleDepthMm", 1.0);
        return new Questionnaires(root);
    }

    /** Only the required answers, all NO, with an age instead of a date of birth. */
    static Questionnaires minimal() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("asOf", DEFAULT_AS_OF);
        ObjectNode patient = root.putObject("patient");
        patient.put("age", 30);
        patient.put("pregnant", "NO");
        ObjectNode history = root.putObject("history");
        historyAnswers(true).forEach(answer -> history.put(answer, "NO"));
        return new Questionnaires(root);
    }

    /** The yes/no questions of the history, as {@link HistoryAnswers} declares them; only the required ones if asked. */
    static List<String> historyAnswers(boolean requiredOnly) {
        return Arrays.stream(HistoryAnswers.class.getRecordComponents())
                .filter(component -> component.getType() == Answer.class)
                .filter(component -> !requiredOnly || component.getAccessor().isAnnotationPresent(NotNull.class))
                .map(RecordComponent::getName)
                .toList();
    }

    /** Sets a JSON path (dots between object names) to a value given as JSON text. */
    public Questionnaires with(String path, String json) {
        JsonNode value;
        try {
            value = MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
        parent(path).set(last(path), value);
        return this;
    }

    public Questionnaires answer(String path, String answer) {
        parent(path).put(last(path), answer);
        return this;
    }

    public Questionnaires without(String path) {
        parent(path).remove(last(path));
        return this;
    }

    Questionnaires medications(String... medications) {
        ArrayNode array = root.putArray("medications");
        for (String medication : medications) {
            array.add(medication);
        }
        return this;
    }

    ObjectNode node() {
        return root;
    }

    public String json() {
        return root.toString();
    }

    private ObjectNode parent(String path) {
        ObjectNode node = root;
        String[] names = path.split("\\.");
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = node.get(names[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(names[i]);
        }
        return node;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
