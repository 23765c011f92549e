package org.microneedling.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.microneedling.common.Characters;
import org.microneedling.common.Messages;
import org.microneedling.common.ProblemException;
import org.microneedling.common.Violation;
import org.microneedling.screening.QuestionnaireDefinition;

/**
 * Translates an R4 QuestionnaireResponse into the v1 request tree, item by item: each linkId is a
 * JSON path of the request. It checks only what the FHIR form adds (resource type, linkIds, answer
 * value types); ranges, required answers and dates are left to the same validation as JSON bodies,
 * whose violations then name the linkId because it is the path. Group items are containers and
 * may carry any linkId; every item that carries answers must be an item of the questionnaire.
 */
@ApplicationScoped
public class QuestionnaireResponseTranslator {

    static final String RESOURCE_TYPE = "QuestionnaireResponse";
    private static final String MEDICATIONS = "medications";
    private static final String MEDICATION_CODES = "medicationCodes";
    private static final String AS_OF = "asOf";
    private static final String EXTERNAL_REFERENCE = "externalReference";
    private static final int MAX_EXTERNAL_REFERENCE = 64;
    private static final Pattern DATE_PREFIX = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    private final Map<String, String> itemTypes = new HashMap<>();
    private final Set<String> displayItems = new HashSet<>();

    QuestionnaireResponseTranslator() {
        QuestionnaireDefinition.Definition definition = QuestionnaireDefinition.of(Messages.of(Messages.DEFAULT_LOCALE));
        for (QuestionnaireDefinition.Section section : definition.sections()) {
            for (QuestionnaireDefinition.Item item : section.items()) {
                itemTypes.put(item.path(), item.type());
                if (item.help() != null) {
                    displayItems.add(item.path() + FhirQuestionnaireWriter.HELP_SUFFIX);
                }
            }
        }
    }

    /** The v1 request the response answers, or a 400 whose violations name each bad linkId. */
    public ObjectNode toScreeningRequest(JsonNode resource, Messages messages) {
        if (!resource.isObject() || !RESOURCE_TYPE.equals(resource.path("resourceType").asText(null))) {
            throw ProblemException.invalid(messages.get("fhir.problem.notQuestionnaireResponse"),
                    List.of(new Violation("resourceType", messages.get("fhir.violation.resourceType"))));
        }
        Translation translation = new Translation(messages);
        JsonNode items = resource.get("item");
        if (items != null) {
            translation.items(items, "item");
        }
        translation.authored(resource.get("authored"));
        translation.identifier(resource.get("identifier"));
        if (!translation.violations.isEmpty()) {
            throw ProblemException.invalid(
                    messages.get("problem.invalid", String.valueOf(translation.violations.size())),
                    translation.violations);
        }
        return translation.request;
    }

    /** The state of one translation: the request built so far and the problems found. */
    private final class Translation {
        private final Messages messages;
        private final ObjectNode request = JsonNodeFactory.instance.objectNode();
        private final List<Violation> violations = new ArrayList<>();
        private final Set<String> answered = new HashSet<>();

        Translation(Messages messages) {
            this.messages = messages;
        }

        void items(JsonNode items, String location) {
            if (!items.isArray()) {
                violation(location, "fhir.violation.itemArray");
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                item(items.get(i), location + "[" + i + "]");
            }
        }

        private void item(JsonNode item, String location) {
            if (!item.isObject()) {
                violation(location, "violation.object");
                return;
            }
            JsonNode linkIdNode = item.get("linkId");
            if (linkIdNode == null || !linkIdNode.isTextual() || linkIdNode.textValue().isBlank()) {
                violation(location + ".linkId", "fhir.violation.linkId");
                return;
            }
            String linkId = linkIdNode.textValue();
            JsonNode answers = item.get("answer");
            if (answers != null && !answers.isArray()) {
                violation(linkId, "fhir.violation.answerArray");
                return;
            }
            boolean hasAnswers = answers != null && !answers.isEmpty();
            JsonNode children = item.get("item");
            String type = itemTypes.get(linkId);
            if (type != null) {
                if (hasAnswers) {
                    answers(linkId, type, answers);
                }
            } else if (displayItems.contains(linkId)) {
                if (hasAnswers) {
                    violation(linkId, "fhir.violation.displayItem");
                }
            } else if (children == null || hasAnswers) {
                violation(linkId, "fhir.violation.unknownLinkId");
                return;
            }
            if (children != null) {
                items(children, linkId);
            }
            if (hasAnswers) {
                for (JsonNode answer : answers) {
                    if (answer.has("item")) {
                        items(answer.get("item"), linkId);
                    }
                }
            }
        }

        private void answers(String linkId, String type, JsonNode answers) {
            if ("stringList".equals(type)) {
                for (JsonNode answer : answers) {
                    medication(linkId, answer);
                }
                return;
            }
            if (!answered.add(linkId)) {
                violation(linkId, "violation.duplicate");
                return;
            }
            if (answers.size() > 1) {
                violation(linkId, "fhir.violation.oneAnswer");
                return;
            }
            Map.Entry<String, JsonNode> value = value(linkId, answers.get(0));
            if (value == null) {
                return;
            }
            JsonNode converted = switch (type) {
                case "answer" -> yesNoUnknown(value);
                case "skinType" -> skinType(value);
                case "date" -> only(value, "valueDate");
                case "integer" -> only(value, "valueInteger");
                case "decimal" -> "valueInteger".equals(value.getKey()) ? value.getValue() : only(value, "valueDecimal");
                case "boolean" -> yesNo(value);
                case "string" -> only(value, "valueString");
                default -> null;
            };
            if (converted == null) {
                violation(linkId, "fhir.violation.value." + type);
            } else {
                set(linkId, converted);
            }
        }

        private void medication(String linkId, JsonNode answer) {
            Map.Entry<String, JsonNode> value = value(linkId, answer);
            if (value == null) {
                return;
            }
            if ("valueString".equals(value.getKey()) && value.getValue().isTextual()) {
                array(MEDICATIONS).add(value.getValue());
            } else if ("valueCoding".equals(value.getKey()) && value.getValue().path("system").isTextual()
                    && value.getValue().path("code").isTextual()) {
                ObjectNode code = array(MEDICATION_CODES).addObject();
                code.set("system", value.getValue().get("system"));
                code.set("code", value.getValue().get("code"));
            } else {
                violation(linkId, "fhir.violation.value.stringList");
            }
        }

        /** The one {@code value[x]} of an answer. */
        private Map.Entry<String, JsonNode> value(String linkId, JsonNode answer) {
            Map.Entry<String, JsonNode> found = null;
            if (answer.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = answer.fields(); fields.hasNext();) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (field.getKey().startsWith("value")) {
                        if (found != null) {
                            violation(linkId, "fhir.violation.oneValue");
                            return null;
                        }
                        found = field;
                    }
                }
            }
            if (found == null) {
                violation(linkId, "fhir.violation.oneValue");
            }
            return found;
        }

        private JsonNode yesNoUnknown(Map.Entry<String, JsonNode> value) {
            return switch (value.getKey()) {
                case "valueBoolean" -> value.getValue().isBoolean()
                        ? TextNode.valueOf(value.getValue().booleanValue() ? "YES" : "NO") : null;
                case "valueString" -> value.getValue().isTextual() ? value.getValue() : null;
                case "valueCoding" -> {
                    String system = value.getValue().path("system").asText("");
                    String code = value.getValue().path("code").asText("");
                    if (FhirTerminology.YES_NO.equals(system) && FhirTerminology.YES.equals(code)) {
                        yield TextNode.valueOf("YES");
                    }
                    if (FhirTerminology.YES_NO.equals(system) && FhirTerminology.NO.equals(code)) {
                        yield TextNode.valueOf("NO");
                    }
                    if (FhirTerminology.DATA_ABSENT_REASON.equals(system)
                            && (FhirTerminology.ASKED_UNKNOWN.equals(code) || FhirTerminology.UNKNOWN.equals(code))) {
                        yield TextNode.valueOf("UNKNOWN");
                    }
                    yield null;
                }
                default -> null;
            };
        }

        private JsonNode yesNo(Map.Entry<String, JsonNode> value) {
            if ("valueBoolean".equals(value.getKey())) {
                return value.getValue();
            }
            JsonNode answer = "valueCoding".equals(value.getKey()) ? yesNoUnknown(value) : null;
            return answer == null || "UNKNOWN".equals(answer.textValue()) ? null
                    : BooleanNode.valueOf("YES".equals(answer.textValue()));
        }

        private JsonNode skinType(Map.Entry<String, JsonNode> value) {
            return switch (value.getKey()) {
                case "valueInteger", "valueString" -> value.getValue();
                case "valueCoding" -> {
                    String system = value.getValue().path("system").asText("");
                    int index = FhirTerminology.FITZPATRICK_NCIT_CODES.indexOf(value.getValue().path("code").asText(""));
                    yield FhirTerminology.NCI_THESAURUS_ALIASES.contains(system) && index >= 0
                            ? IntNode.valueOf(index + 1) : null;
                }
                default -> null;
            };
        }

        private JsonNode only(Map.Entry<String, JsonNode> value, String expected) {
            return expected.equals(value.getKey()) ? value.getValue() : null;
        }

        void authored(JsonNode authored) {
            if (authored == null || request.has(AS_OF)) {
                return;
            }
            if (authored.isTextual() && DATE_PREFIX.matcher(authored.textValue()).matches()) {
                request.put(AS_OF, authored.textValue().substring(0, 10));
            } else {
                violation("authored", "fhir.violation.authored");
            }
        }

        void identifier(JsonNode identifier) {
            if (identifier == null || request.has(EXTERNAL_REFERENCE)) {
                return;
            }
            JsonNode value = identifier.path("value");
            if (!identifier.isObject() || !value.isTextual()) {
                violation("identifier.value", "violation.string");
            } else if (Characters.exceed(value.textValue(), MAX_EXTERNAL_REFERENCE)) {
                violation("identifier.value", "violation.maxLength", MAX_EXTERNAL_REFERENCE);
            } else if (Characters.hasControlOrBroken(value.textValue())) {
                violation("identifier.value", "violation.controlCharacters");
            } else {
                request.set(EXTERNAL_REFERENCE, value);
            }
        }

        private ArrayNode array(String name) {
            JsonNode existing = request.get(name);
            return existing instanceof ArrayNode array ? array : request.putArray(name);
        }

        private void set(String path, JsonNode value) {
            String[] names = path.split("\\.");
            ObjectNode node = request;
            for (int i = 0; i < names.length - 1; i++) {
                JsonNode child = node.get(names[i]);
                node = child instanceof ObjectNode object ? object : node.putObject(names[i]);
            }
            node.set(names[names.length - 1], value);
        }

        private void violation(String field, String key, Object... arguments) {
            violations.add(new Violation(field, messages.get(key, arguments)));
        }
    }
}
