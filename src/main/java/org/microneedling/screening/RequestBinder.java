package org.microneedling.screening;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.microneedling.common.Messages;
import org.microneedling.common.Violation;
import org.microneedling.screening.rules.Answer;

/**
 * Binds a JSON tree to the request records, collecting every type error, unknown property and
 * malformed value at once instead of stopping at the first, so that a client can fix a whole
 * questionnaire in one round trip. Range and presence checks are left to Bean Validation.
 */
final class RequestBinder {

    private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

    private final Messages messages;
    private final List<Violation> violations = new ArrayList<>();

    RequestBinder(Messages messages) {
        this.messages = messages;
    }

    List<Violation> violations() {
        return violations;
    }

    /** Binds an object node (or a missing one, giving an instance whose components are all absent). */
    <R extends Record> R bind(JsonNode node, Class<R> type, String path) {
        RecordShape shape = SHAPES.computeIfAbsent(type, RecordShape::new);
        boolean present = node != null && !node.isNull() && !node.isMissingNode();
        if (present && !node.isObject()) {
            reject(path, "violation.object");
            present = false;
        }
        if (present) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!shape.names.contains(name)) {
                    unknownProperty(join(path, name), name, shape.names);
                }
            }
        }
        Object[] values = new Object[shape.components.length];
        for (int i = 0; i < values.length; i++) {
            RecordComponent component = shape.components[i];
            JsonNode value = present ? node.get(component.getName()) : null;
            // The field's path is only built when it is needed: for a violation or a nested record.
            values[i] = convert(value, component.getType(), component.getGenericType(), path, component.getName());
        }
        return type.cast(shape.instantiate(values));
    }

    private Object convert(JsonNode node, Class<?> type, Type genericType, String parent, String name) {
        if (Record.class.isAssignableFrom(type)) {
            return bind(node, type.asSubclass(Record.class), join(parent, name));
        }
        FieldPath path = new FieldPath(parent, name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (type == String.class) {
            return node.isTextual() ? node.textValue() : reject(path, "violation.string");
        }
        if (type == Integer.class) {
            if (!node.isIntegralNumber()) {
                return reject(path, "violation.wholeNumber");
            }
            return node.canConvertToInt() ? node.intValue() : reject(path, "violation.tooLarge");
        }
        if (type == BigDecimal.class) {
            if (!node.isNumber()) {
                return reject(path, "violation.number");
            }
            // An exponent such as 1e999999999 parses to an infinite double, which has no decimal value.
            return node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())
                    ? reject(path, "violation.tooLarge") : node.decimalValue();
        }
        if (type == Boolean.class) {
            return node.isBoolean() ? node.booleanValue() : reject(path, "violation.boolean");
        }
        if (type == LocalDate.class) {
            return date(node, path);
        }
        if (type == Answer.class) {
            return answer(node, path);
        }
        if (type == FitzpatrickSkinType.class) {
            return skinType(node, path);
        }
        if (type == List.class && isListOfStrings(genericType)) {
            return strings(node, path);
        }
        if (type == List.class && recordElement(genericType) != null) {
            return records(node, recordElement(genericType), path.text());
        }
        throw new IllegalStateException("No binding for " + type + " at " + path);
    }

    private LocalDate date(JsonNode node, FieldPath path) {
        if (node.isTextual() && isIsoDateShape(node.textValue())) {
            try {
                return LocalDate.parse(node.textValue());
            } catch (DateTimeParseException e) {
                // a well-formed but impossible date such as 2026-02-30 falls through to the violation
            }
        }
        return reject(path, "violation.date");
    }

    private Answer answer(JsonNode node, FieldPath path) {
        if (node.isBoolean()) {
            return node.booleanValue() ? Answer.YES : Answer.NO;
        }
        if (node.isTextual()) {
            String text = node.textValue().toUpperCase(Locale.ROOT);
            for (Answer answer : Answer.values()) {
                if (answer.name().equals(text)) {
                    return answer;
                }
            }
        }
        return reject(path, "violation.answer");
    }

    private FitzpatrickSkinType skinType(JsonNode node, FieldPath path) {
        FitzpatrickSkinType type = null;
        if (node.isTextual()) {
            type = FitzpatrickSkinType.fromRoman(node.textValue());
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            type = FitzpatrickSkinType.fromNumber(node.longValue());
        }
        return type != null ? type : reject(path, "violation.skinType");
    }

    private List<String> strings(JsonNode node, FieldPath path) {
        if (!node.isArray()) {
            return reject(path, "violation.stringArray");
        }
        List<String> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (element.isTextual()) {
                values.add(element.textValue());
            } else {
                reject(path.text() + "[" + i + "]", "violation.string");
                values.add(null);
            }
        }
        return values;
    }

    private <R extends Record> List<R> records(JsonNode node, Class<R> elementType, String path) {
        if (!node.isArray()) {
            return reject(path, "violation.objectArray");
        }
        List<R> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String elementPath = path + "[" + i + "]";
            if (element == null || !element.isObject()) {
                reject(elementPath, "violation.object");
                values.add(null);
            } else {
                values.add(bind(element, elementType, elementPath));
            }
        }
        return values;
    }

    private static Class<? extends Record> recordElement(Type genericType) {
        if (genericType instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return element.asSubclass(Record.class);
        }
        return null;
    }

    private <T> T reject(String path, String messageKey) {
        violations.add(new Violation(path, messages.get(messageKey)));
        return null;
    }

    private <T> T reject(FieldPath path, String messageKey) {
        return reject(path.text(), messageKey);
    }

    /** {@code dddd-dd-dd}, checked without a regular expression on every date of every request. */
    static boolean isIsoDateShape(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    /** A field's JSON path, joined only when a violation names it. */
    private record FieldPath(String parent, String name) {
        String text() {
            return join(parent, name);
        }
    }

    private void unknownProperty(String path, String name, Set<String> known) {
        String closest = known.stream()
                .filter(candidate -> editDistance(candidate.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)) <= 2)
                .findFirst().orElse(null);
        violations.add(new Violation(path, closest == null
                ? messages.get("violation.unknownProperty")
                : messages.get("violation.unknownPropertySuggestion", closest)));
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static boolean isListOfStrings(Type genericType) {
        if (genericType instanceof ParameterizedType parameterized) {
            Type element = parameterized.getActualTypeArguments()[0];
            return element == String.class || element.getTypeName().endsWith("java.lang.String");
        }
        return false;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The components and canonical constructor of one request record, looked up once. */
    static final class RecordShape {
        final RecordComponent[] components;
        final Set<String> names;
        private final Constructor<?> constructor;

        RecordShape(Class<?> type) {
            this.components = type.getRecordComponents();
            this.names = Arrays.stream(components).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            try {
                this.constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        Object instantiate(Object[] values) {
            try {
                return constructor.newInstance(values);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
