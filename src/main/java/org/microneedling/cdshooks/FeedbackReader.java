package org.microneedling.cdshooks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.microneedling.common.Characters;
import org.microneedling.common.Messages;
import org.microneedling.common.ProblemException;
import org.microneedling.common.Violation;

/**
 * Reads a CDS Hooks 2.0 feedback body, {@code {"feedback": [{"card", "outcome", "acceptedSuggestions",
 * "overrideReason": {"reason": Coding, "userComment"}, "outcomeTimestamp"}]}}: every bad field is reported at once
 * under its path ({@code feedback[2].outcome}); a property the specification does not name is one of them. Whether
 * a card is one this service gave the clinic is checked once the body is read.
 */
final class FeedbackReader {

    static final int MAX_ITEMS = 100;
    static final int MAX_USER_COMMENT = 1000;
    static final int MAX_CODING_TEXT = 200;
    /** A client's clock may run a little ahead of ours; an outcome further ahead than this is not yet one. */
    static final long FUTURE_TOLERANCE_SECONDS = 300;

    private static final Set<String> BODY_PROPERTIES = Set.of("feedback", "extension");
    private static final Set<String> ITEM_PROPERTIES = Set.of("card", "outcome", "acceptedSuggestions",
            "overrideReason", "outcomeTimestamp", "extension");
    private static final Set<String> OVERRIDE_PROPERTIES = Set.of("reason", "userComment", "extension");
    private static final Set<String> CODING_PROPERTIES = Set.of("system", "code", "display");
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private FeedbackReader() {
    }

    /** What the user did with a card. */
    enum Outcome {
        ACCEPTED("accepted"), OVERRIDDEN("overridden");

        private final String wire;

        Outcome(String wire) {
            this.wire = wire;
        }

        String wire() {
            return wire;
        }
    }

    /** A coded reason as the client sent it; a code of our own system is one of {@link OverrideReason}. */
    record Coding(String system, String code, String display) {
    }

    /**
     * One feedback item, checked.
     *
     * @param reason the override reason's Coding, null when none was given
     * @param userComment the user's words, null when none were given
     * @param received the item as the client sent it, for the audit
     */
    record Item(int index, UUID card, Outcome outcome, Coding reason, String userComment, Instant outcomeTimestamp,
            JsonNode received) {

        String cardPath() {
            return "feedback[" + index + "].card";
        }
    }

    /**
     * @param overrideReasonSystem our code system: a reason in it must be one of our codes
     * @param now what "later than now" is judged against
     */
    static List<Item> read(JsonNode body, String overrideReasonSystem, Instant now, Messages messages) {
        List<Violation> violations = new ArrayList<>();
        if (!body.isObject()) {
            throw ProblemException.invalid(messages.get("problem.notObject"), List.of());
        }
        unknownProperties(body, BODY_PROPERTIES, "", messages, violations);
        extension(body.get("extension"), "extension", messages, violations);
        JsonNode feedback = body.get("feedback");
        List<Item> items = new ArrayList<>();
        if (feedback == null || feedback.isNull()) {
            violations.add(new Violation("feedback", messages.get("violation.required")));
        } else if (!feedback.isArray()) {
            violations.add(new Violation("feedback", messages.get("violation.objectArray")));
        } else if (feedback.isEmpty()) {
            violations.add(new Violation("feedback", messages.get("cds.violation.noItems")));
        } else if (feedback.size() > MAX_ITEMS) {
            // Items past the bound are not read: a body this large is refused as a whole.
            violations.add(new Violation("feedback", messages.get("violation.maxItems", String.valueOf(MAX_ITEMS))));
        } else {
            for (int i = 0; i < feedback.size(); i++) {
                Item item = item(feedback.get(i), i, overrideReasonSystem, now, messages, violations);
                if (item != null) {
                    items.add(item);
                }
            }
        }
        if (!violations.isEmpty()) {
            throw invalid(violations, messages);
        }
        return items;
    }

    static ProblemException invalid(List<Violation> violations, Messages messages) {
        return ProblemException.invalid(messages.get("cds.problem.invalidFeedback", String.valueOf(violations.size())),
                violations);
    }

    private static Item item(JsonNode item, int index, String system, Instant now, Messages messages,
            List<Violation> violations) {
        String path = "feedback[" + index + "]";
        if (!item.isObject()) {
            violations.add(new Violation(path, messages.get("violation.object")));
            return null;
        }
        int before = violations.size();
        unknownProperties(item, ITEM_PROPERTIES, path + ".", messages, violations);
        extension(item.get("extension"), path + ".extension", messages, violations);
        UUID card = card(item.get("card"), path + ".card", messages, violations);
        Outcome outcome = outcome(item.get("outcome"), path + ".outcome", messages, violations);
        acceptedSuggestions(item.get("acceptedSuggestions"), path + ".acceptedSuggestions", messages, violations);
        JsonNode override = item.get("overrideReason");
        Coding reason = null;
        String userComment = null;
        if (override != null && !override.isNull()) {
            if (outcome == Outcome.ACCEPTED) {
                violations.add(new Violation(path + ".overrideReason",
                        messages.get("cds.violation.overrideWhenAccepted")));
            } else if (!override.isObject()) {
                violations.add(new Violation(path + ".overrideReason", messages.get("violation.object")));
            } else {
                String overridePath = path + ".overrideReason";
                unknownProperties(override, OVERRIDE_PROPERTIES, overridePath + ".", messages, violations);
                extension(override.get("extension"), overridePath + ".extension", messages, violations);
                reason = reason(override.get("reason"), overridePath + ".reason", system, messages, violations);
                userComment = userComment(override.get("userComment"), overridePath + ".userComment", messages,
                        violations);
                if (reason == null && userComment == null && violations.size() == before) {
                    violations.add(new Violation(overridePath, messages.get("cds.violation.overrideReasonEmpty")));
                }
            }
        }
        Instant timestamp = timestamp(item.get("outcomeTimestamp"), path + ".outcomeTimestamp", now, messages,
                violations);
        return violations.size() == before
                ? new Item(index, card, outcome, reason, userComment, timestamp, item)
                : null;
    }

    private static void unknownProperties(JsonNode node, Set<String> known, String prefix, Messages messages,
            List<Violation> violations) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            String name = fields.next().getKey();
            if (!known.contains(name)) {
                violations.add(new Violation(prefix + name, messages.get("violation.unknownProperty")));
            }
        }
    }

    /** CDS Hooks lets every object carry {@code extension}, an object of named properties; we keep it unread. */
    private static void extension(JsonNode value, String path, Messages messages, List<Violation> violations) {
        if (value != null && !value.isNull() && !value.isObject()) {
            violations.add(new Violation(path, messages.get("violation.object")));
        }
    }

    private static UUID card(JsonNode value, String path, Messages messages, List<Violation> violations) {
        if (value == null || value.isNull()) {
            violations.add(new Violation(path, messages.get("violation.required")));
            return null;
        }
        if (!value.isTextual() || !UUID_FORM.matcher(value.textValue()).matches()) {
            violations.add(new Violation(path, messages.get("cds.violation.cardId")));
            return null;
        }
        return UUID.fromString(value.textValue());
    }

    private static Outcome outcome(JsonNode value, String path, Messages messages, List<Violation> violations) {
        if (value == null || value.isNull()) {
            violations.add(new Violation(path, messages.get("violation.required")));
            return null;
        }
        if (value.isTextual()) {
            for (Outcome outcome : Outcome.values()) {
                if (outcome.wire().equals(value.textValue())) {
                    return outcome;
                }
            }
        }
        violations.add(new Violation(path, messages.get("violation.oneOf",
                String.join(", ", Arrays.stream(Outcome.values()).map(Outcome::wire).toList()))));
        return null;
    }

    /** Our cards carry no suggestions, so none can have been accepted; an empty list says just that. */
    private static void acceptedSuggestions(JsonNode value, String path, Messages messages,
            List<Violation> violations) {
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            violations.add(new Violation(path, messages.get("violation.objectArray")));
        } else if (!value.isEmpty()) {
            violations.add(new Violation(path, messages.get("cds.violation.noSuggestions")));
        }
    }

    private static Coding reason(JsonNode value, String path, String system, Messages messages,
            List<Violation> violations) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            violations.add(new Violation(path, messages.get("violation.object")));
            return null;
        }
        int before = violations.size();
        unknownProperties(value, CODING_PROPERTIES, path + ".", messages, violations);
        String reasonSystem = codingText(value.get("system"), path + ".system", true, messages, violations);
        String code = codingText(value.get("code"), path + ".code", true, messages, violations);
        String display = codingText(value.get("display"), path + ".display", false, messages, violations);
        if (system.equals(reasonSystem) && code != null && OverrideReason.of(code).isEmpty()) {
            violations.add(new Violation(path + ".code", messages.get("cds.violation.overrideReasonCode", system,
                    String.join(", ", Arrays.stream(OverrideReason.values()).map(OverrideReason::code).toList()))));
        }
        return violations.size() == before ? new Coding(reasonSystem, code, display) : null;
    }

    private static String codingText(JsonNode value, String path, boolean required, Messages messages,
            List<Violation> violations) {
        if (value == null || value.isNull()) {
            if (required) {
                violations.add(new Violation(path, messages.get("violation.required")));
            }
            return null;
        }
        if (!value.isTextual()) {
            violations.add(new Violation(path, messages.get("violation.string")));
            return null;
        }
        String text = text(value.textValue(), path, MAX_CODING_TEXT, messages, violations);
        if (text != null && Characters.hasControlOrBroken(text)) {
            violations.add(new Violation(path, messages.get("violation.controlCharacters")));
            return null;
        }
        return text;
    }

    private static String userComment(JsonNode value, String path, Messages messages, List<Violation> violations) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            violations.add(new Violation(path, messages.get("violation.string")));
            return null;
        }
        return text(value.textValue(), path, MAX_USER_COMMENT, messages, violations);
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
        if (Characters.hasBrokenSurrogate(value)) {
            // A comment may run over lines, but text that is no Unicode cannot be recorded as it was sent.
            violations.add(new Violation(path, messages.get("violation.controlCharacters")));
            return null;
        }
        return value;
    }

    private static Instant timestamp(JsonNode value, String path, Instant now, Messages messages,
            List<Violation> violations) {
        if (value == null || value.isNull()) {
            violations.add(new Violation(path, messages.get("violation.required")));
            return null;
        }
        Instant instant = null;
        if (value.isTextual()) {
            try {
                instant = OffsetDateTime.parse(value.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // Reported below: a date-time without its offset names no moment.
            }
        }
        if (instant == null) {
            violations.add(new Violation(path, messages.get("cds.violation.timestamp")));
            return null;
        }
        if (instant.isAfter(now.plusSeconds(FUTURE_TOLERANCE_SECONDS))) {
            violations.add(new Violation(path, messages.get("cds.violation.future")));
            return null;
        }
        return instant;
    }
}
