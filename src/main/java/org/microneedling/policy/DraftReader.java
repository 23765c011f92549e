package org.microneedling.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

import org.microneedling.common.Characters;
import org.microneedling.common.Messages;
import org.microneedling.common.ProblemException;
import org.microneedling.common.Violation;
import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Policy;

/**
 * Reads a draft body: what it does not give comes from the version it is based on. Every problem is reported at
 * once, each under its path ({@code parameters.minimumAge}, {@code outcomes.ECZEMA}), and nothing is built then.
 */
final class DraftReader {

    static final int NOTE_MAX_LENGTH = 500;
    private static final Set<String> PROPERTIES = Set.of("basedOn", "parameters", "outcomes", "note");

    /** A valid draft: the policy it describes, the version it started from and its note. */
    record Draft(int basedOn, Policy policy, String note) {
    }

    private final Set<String> reasonCodes;
    private final Set<String> advisoryCodes;

    DraftReader(Set<String> reasonCodes, Set<String> advisoryCodes) {
        this.reasonCodes = reasonCodes;
        this.advisoryCodes = advisoryCodes;
    }

    /**
     * @param versions the clinic's policy by version number, empty when there is no such version
     * @param inForce the version a draft without {@code basedOn} starts from
     */
    Draft read(JsonNode body, IntFunction<Optional<Policy>> versions, int inForce, Messages messages) {
        List<Violation> violations = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid(messages.get("problem.notObject"), List.of());
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!PROPERTIES.contains(name)) {
                violations.add(new Violation(name, messages.get("violation.unknownProperty")));
            }
        }
        int basedOn = inForce;
        Policy base = null;
        JsonNode basedOnNode = body.get("basedOn");
        if (basedOnNode != null && !basedOnNode.isNull()) {
            if (!basedOnNode.isIntegralNumber() || !basedOnNode.canConvertToInt() || basedOnNode.intValue() < 0) {
                violations.add(new Violation("basedOn", messages.get("violation.wholeNumber")));
            } else {
                basedOn = basedOnNode.intValue();
                base = versions.apply(basedOn).orElse(null);
                if (base == null) {
                    violations.add(new Violation("basedOn", messages.get("violation.unknownPolicyVersion")));
                }
            }
        } else {
            base = versions.apply(inForce).orElseThrow();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Outcome> outcomes = new TreeMap<>();
        if (base != null) {
            for (PolicyParameter parameter : PolicyParameter.values()) {
                values.put(parameter.jsonName(), parameter.valueIn(base));
            }
            outcomes.putAll(base.outcomes());
        }
        readParameters(body.get("parameters"), values, messages, violations);
        readOutcomes(body.get("outcomes"), outcomes, messages, violations);
        String note = readNote(body.get("note"), messages, violations);
        if (violations.isEmpty() && (Integer) values.get("typicalAge") < (Integer) values.get("minimumAge")) {
            violations.add(new Violation("parameters.typicalAge", messages.get("violation.typicalBelowMinimum",
                    String.valueOf(values.get("minimumAge")))));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(messages.get("problem.invalidPolicy", String.valueOf(violations.size())),
                    violations);
        }
        return new Draft(basedOn, PolicyParameter.policyOf(values, outcomes), note);
    }

    private static void readParameters(JsonNode parameters, Map<String, Object> values, Messages messages,
            List<Violation> violations) {
        if (parameters == null || parameters.isNull()) {
            return;
        }
        if (!parameters.isObject()) {
            violations.add(new Violation("parameters", messages.get("violation.object")));
            return;
        }
        parameters.fields().forEachRemaining(field -> {
            String path = "parameters." + field.getKey();
            PolicyParameter parameter = PolicyParameter.named(field.getKey());
            if (parameter == null) {
                violations.add(new Violation(path, messages.get("violation.unknownProperty")));
                return;
            }
            Object value = valueOf(parameter, field.getValue(), path, messages, violations);
            if (value != null) {
                values.put(parameter.jsonName(), value);
            }
        });
    }

    private static Object valueOf(PolicyParameter parameter, JsonNode node, String path, Messages messages,
            List<Violation> violations) {
        switch (parameter.type()) {
            case OUTCOME -> {
                Outcome outcome = reasonOutcome(node);
                if (outcome == null) {
                    violations.add(new Violation(path, messages.get("violation.reasonOutcome")));
                }
                return outcome;
            }
            case WHOLE_NUMBER -> {
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    violations.add(new Violation(path, messages.get("violation.wholeNumber")));
                    return null;
                }
                return inRange(parameter, node.decimalValue(), path, messages, violations) ? node.intValue() : null;
            }
            default -> {
                if (!node.isNumber()) {
                    violations.add(new Violation(path, messages.get("violation.number")));
                    return null;
                }
                BigDecimal value = node.decimalValue();
                if (value.stripTrailingZeros().scale() > 2) {
                    violations.add(new Violation(path, messages.get("violation.decimals", "2")));
                    return null;
                }
                return inRange(parameter, value, path, messages, violations) ? value : null;
            }
        }
    }

    private static boolean inRange(PolicyParameter parameter, BigDecimal value, String path, Messages messages,
            List<Violation> violations) {
        if (value.compareTo(parameter.min()) < 0) {
            violations.add(new Violation(path, messages.get("violation.atLeast", parameter.min().toPlainString())));
            return false;
        }
        if (value.compareTo(parameter.max()) > 0) {
            violations.add(new Violation(path, messages.get("violation.atMost", parameter.max().toPlainString())));
            return false;
        }
        return true;
    }

    private void readOutcomes(JsonNode given, Map<String, Outcome> outcomes, Messages messages,
            List<Violation> violations) {
        if (given == null || given.isNull()) {
            return;
        }
        if (!given.isObject()) {
            violations.add(new Violation("outcomes", messages.get("violation.object")));
            return;
        }
        given.fields().forEachRemaining(field -> {
            String code = field.getKey();
            String path = "outcomes." + code;
            if (advisoryCodes.contains(code)) {
                violations.add(new Violation(path, messages.get("violation.advisoryOutcome")));
            } else if (!reasonCodes.contains(code)) {
                violations.add(new Violation(path, messages.get("violation.unknownReasonCode")));
            } else {
                Outcome outcome = reasonOutcome(field.getValue());
                if (outcome == null) {
                    violations.add(new Violation(path, messages.get("violation.reasonOutcome")));
                } else {
                    outcomes.put(code, outcome);
                }
            }
        });
    }

    // ELIGIBLE is refused: a reason that reports ELIGIBLE would break "ELIGIBLE exactly when there are no reasons".
    private static Outcome reasonOutcome(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        return switch (node.textValue()) {
            case "INELIGIBLE" -> Outcome.INELIGIBLE;
            case "REFER_TO_PROVIDER" -> Outcome.REFER_TO_PROVIDER;
            default -> null;
        };
    }

    private static String readNote(JsonNode note, Messages messages, List<Violation> violations) {
        if (note == null || note.isNull()) {
            return null;
        }
        if (!note.isTextual()) {
            violations.add(new Violation("note", messages.get("violation.string")));
            return null;
        }
        String text = note.textValue();
        if (Characters.exceed(text, NOTE_MAX_LENGTH)) {
            violations.add(new Violation("note", messages.get("violation.maxLength", String.valueOf(NOTE_MAX_LENGTH))));
            return null;
        }
        return text.isBlank() ? null : text.strip();
    }
}
