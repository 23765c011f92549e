package org.microneedling.review;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.microneedling.common.Messages;
import org.microneedling.common.ProblemException;
import org.microneedling.common.Violation;

/**
 * Reads a review body: every bad field is reported at once under its name ({@code decision}, {@code rationale},
 * {@code conditions[2]}, {@code validUntil}); a property the contract does not name, {@code reviewer} among them, is
 * one of them. What depends on the screening (the latest {@code validUntil}) is checked once it is found.
 */
final class ReviewReader {

    static final int MAX_RATIONALE = 2000;
    static final int MAX_CONDITIONS = 10;
    static final int MAX_CONDITION = 200;
    private static final Set<String> PROPERTIES = Set.of("decision", "rationale", "conditions", "validUntil");

    private ReviewReader() {
    }

    static ReviewRequest read(JsonNode body, Messages messages) {
        List<Violation> violations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext();) {
            String name = fields.next().getKey();
            if (!PROPERTIES.contains(name)) {
                violations.add(new Violation(name, messages.get("violation.unknownProperty")));
            }
        }
        ReviewDecision decision = decision(body.get("decision"), messages, violations);
        String rationale = rationale(body.get("rationale"), messages, violations);
        List<String> conditions = conditions(body.get("conditions"), messages, violations);
        LocalDate validUntil = validUntil(body.get("validUntil"), decision, messages, violations);
        if (!violations.isEmpty()) {
            throw invalid(violations, messages);
        }
        return new ReviewRequest(decision, rationale, conditions, validUntil);
    }

    static ProblemException invalid(List<Violation> violations, Messages messages) {
        return ProblemException.invalid(messages.get("problem.invalidReview", String.valueOf(violations.size())),
                violations);
    }

    private static ReviewDecision decision(JsonNode value, Messages messages, List<Violation> violations) {
        if (value == null || value.isNull()) {
            violations.add(new Violation("decision", messages.get("violation.required")));
            return null;
        }
        if (value.isTextual()) {
            for (ReviewDecision decision : ReviewDecision.values()) {
                if (decision.name().equals(value.textValue())) {
                    return decision;
                }
            }
        }
        violations.add(new Violation("decision", messages.get("violation.oneOf",
                String.join(", ", Arrays.stream(ReviewDecision.values()).map(Enum::name).toList()))));
        return null;
    }

    private static String rationale(JsonNode value, Messages messages, List<Violation> violations) {
        if (value == null || value.isNull()) {
            violations.add(new Violation("rationale", messages.get("violation.required")));
            return null;
        }
        if (!value.isTextual()) {
            violations.add(new Violation("rationale", messages.get("violation.string")));
            return null;
        }
        return text(value.textValue(), "rationale", MAX_RATIONALE, messages, violations);
    }

    private static List<String> conditions(JsonNode value, Messages messages, List<Violation> violations) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            violations.add(new Violation("conditions", messages.get("violation.stringArray")));
            return List.of();
        }
        if (value.size() > MAX_CONDITIONS) {
            violations.add(new Violation("conditions", messages.get("violation.maxItems",
                    String.valueOf(MAX_CONDITIONS))));
        }
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode condition = value.get(i);
            String path = "conditions[" + i + "]";
            if (!condition.isTextual()) {
                violations.add(new Violation(path, messages.get("violation.string")));
                continue;
            }
            String text = text(condition.textValue(), path, MAX_CONDITION, messages, violations);
            if (text != null) {
                conditions.add(text);
            }
        }
        return conditions;
    }

    private static String text(String value, String path, int max, Messages messages, List<Violation> violations) {
        if (value.isBlank()) {
            violations.add(new Violation(path, messages.get("violation.blank")));
            return null;
        }
        if (value.length() > max) {
            violations.add(new Violation(path, messages.get("violation.maxLength", String.valueOf(max))));
            return null;
        }
        return value;
    }

    private static LocalDate validUntil(JsonNode value, ReviewDecision decision, Messages messages,
            List<Violation> violations) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (decision != null && decision != ReviewDecision.CLEARED) {
            violations.add(new Violation("validUntil", messages.get("violation.onlyWhenCleared")));
            return null;
        }
        if (value.isTextual() && value.textValue().matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(value.textValue());
            } catch (DateTimeParseException e) {
                // Falls through to the violation: 2026-02-30 has the form but is no date.
            }
        }
        violations.add(new Violation("validUntil", messages.get("violation.date")));
        return null;
    }
}
