package org.microneedling.openapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** Visits the schemas of an OpenAPI model: all of them, or those an operation's bodies reach through references. */
final class SchemaWalk {

    static final String PREFIX = "#/components/schemas/";

    private SchemaWalk() {
    }

    /** Every schema of the document, nested ones included, each once. */
    static void everySchema(OpenAPI openAPI, Consumer<Schema> visitor) {
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(schema -> visit(schema, visitor, seen));
        }
        operations(openAPI).forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> visit(parameter.getSchema(), visitor, seen));
            }
            if (operation.getRequestBody() != null) {
                content(operation.getRequestBody().getContent()).forEach(schema -> visit(schema, visitor, seen));
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> {
                    content(response.getContent()).forEach(schema -> visit(schema, visitor, seen));
                    if (response.getHeaders() != null) {
                        response.getHeaders().values().forEach(header -> visit(header.getSchema(), visitor, seen));
                    }
                });
            }
        });
    }

    static List<Operation> operations(OpenAPI openAPI) {
        List<Operation> operations = new ArrayList<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(path -> {
                if (path.getOperations() != null) {
                    operations.addAll(path.getOperations().values());
                }
            });
        }
        return operations;
    }

    static List<Schema> content(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return List.of();
        }
        return content.getMediaTypes().values().stream().map(mediaType -> mediaType.getSchema())
                .filter(schema -> schema != null).toList();
    }

    /** The names of the component schemas that the given schemas reach, following references. */
    static Set<String> reachable(OpenAPI openAPI, Collection<Schema> roots) {
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<String> names = new LinkedHashSet<>();
        List<Schema> pending = new ArrayList<>(roots);
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Schema next = pending.remove(pending.size() - 1);
            visit(next, schema -> {
                String name = name(schema.getRef());
                if (name != null && names.add(name) && components.get(name) != null) {
                    pending.add(components.get(name));
                }
            }, seen);
        }
        return names;
    }

    static String name(String ref) {
        return ref != null && ref.startsWith(PREFIX) ? ref.substring(PREFIX.length()) : null;
    }

    private static void visit(Schema schema, Consumer<Schema> visitor, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        visitor.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(child -> visit(child, visitor, seen));
        }
        visit(schema.getItems(), visitor, seen);
        visit(schema.getAdditionalPropertiesSchema(), visitor, seen);
        visit(schema.getNot(), visitor, seen);
        visit(schema.getPropertyNames(), visitor, seen);
        for (List<Schema> list : new ArrayList<>(java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(),
                schema.getOneOf(), schema.getPrefixItems()))) {
            if (list != null) {
                list.forEach(child -> visit(child, visitor, seen));
            }
        }
    }
}
