package org.microneedling.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The schemas the committed OpenAPI document declares, as a strict client reads them: a JSON value is checked
 * against the schema of its operation, status and media type, and an object property the schema does not name is an
 * error too (a client generated from the document would not know it).
 */
final class DeclaredSchemas {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    final JsonNode document;
    private final JsonNode strictComponents;

    private DeclaredSchemas(JsonNode document) {
        this.document = document;
        this.strictComponents = strict(document.get("components").deepCopy());
    }

    static DeclaredSchemas committed() {
        try {
            return new DeclaredSchemas(JSON.readTree(Path.of("src/main/openapi/openapi.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DeclaredSchemas of(JsonNode document) {
        return new DeclaredSchemas(document);
    }

    /** What is wrong with {@code value} for the schema {@code schema} of this document; empty when it conforms. */
    List<String> violations(JsonNode schema, JsonNode value) {
        JsonNode copy = strict(schema.deepCopy());
        ObjectNode root = copy.isObject() ? (ObjectNode) copy : JSON.createObjectNode();
        root.set("components", strictComponents);
        List<String> messages = new ArrayList<>();
        for (ValidationMessage message : FACTORY.getSchema(root, CONFIG).validate(value)) {
            messages.add(message.getMessage());
        }
        return messages;
    }

    /**
     * What is wrong with an answer: its status must be declared for the operation, with a schema for its media type,
     * and its body must conform to that schema.
     */
    List<String> answerViolations(String method, String path, int status, String contentType, String body) {
        String template = template(path);
        JsonNode operation = template == null ? null
                : document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        if (operation == null || operation.isMissingNode()) {
            return List.of(method + " " + path + " is not in the document");
        }
        JsonNode response = operation.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            return List.of(method + " " + template + " does not declare status " + status);
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode schema = response.path("content").path(mediaType).path("schema");
        if (schema.isMissingNode()) {
            return List.of(method + " " + template + " " + status + " does not declare a schema for " + mediaType);
        }
        if (!mediaType.endsWith("json")) {
            return List.of();
        }
        try {
            return violations(schema, JSON.readTree(body)).stream()
                    .map(message -> method + " " + template + " " + status + ": " + message).toList();
        } catch (IOException e) {
            return List.of(method + " " + template + " " + status + " is not JSON: " + body);
        }
    }

    /** The document's path template that {@code path} (without query) matches. */
    String template(String path) {
        String plain = path.split("\\?")[0];
        for (Iterator<String> names = document.path("paths").fieldNames(); names.hasNext();) {
            String template = names.next();
            String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            if (plain.matches(regex)) {
                return template;
            }
        }
        return null;
    }

    /** Every object schema that names its properties and says nothing of others refuses others. */
    private static JsonNode strict(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                strict(fields.next().getValue());
            }
        } else if (node.isArray()) {
            node.forEach(DeclaredSchemas::strict);
        }
        return node;
    }
}
