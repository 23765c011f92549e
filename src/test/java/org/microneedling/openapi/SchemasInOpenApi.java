package org.microneedling.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.microneedling.screening.rules.Advisory;
import org.microneedling.screening.rules.Rule;
import org.microneedling.screening.rules.Ruleset;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Makes every schema say what the server sends and accepts. Java types that travel as one string (dates, instants,
 * UUIDs) become strings with a format; reason and advisory codes become enumerations read from the shipped ruleset;
 * a response property is required unless the server leaves it out, and nullable where it sends null; request objects
 * refuse unknown properties, as the server does. Bodies that the resources read as bytes or JSON trees (CDS Hooks,
 * policies, the stored result read back) get the schemas of META-INF/openapi.yaml.
 */
@OpenApiFilter(priority = 80)
public class SchemasInOpenApi implements OASFilter {

    /** Java types that are one JSON string each, by the format that string has. */
    static final Map<String, String> STRING_FORMATS = Map.of("LocalDate", "date", "Instant", "date-time", "UUID",
            "uuid");
    /** Jackson tree types: their operations get a schema of their own here. */
    static final Set<String> TREE_TYPES = Set.of("JsonNode", "ObjectNode", "JsonNodeType");
    static final String REASON_CODE = "ReasonCode";
    static final String ADVISORY_CODE = "AdvisoryCode";
    static final String ITEM_TYPE = "QuestionnaireItemType";
    /** The questionnaire item types QuestionnaireDefinition writes. */
    static final List<String> ITEM_TYPES = List.of("answer", "skinType", "date", "integer", "decimal", "boolean",
            "string", "stringList");
    /** Request objects: the server answers 400 to a property they do not name. */
    static final Set<String> STRICT_REQUESTS = Set.of("ScreeningRequest", "PatientAnswers", "HistoryAnswers",
            "TreatmentPlan", "CodeEntry", "ReviewRequest");
    /** Response properties the server leaves out rather than send null (@JsonInclude NON_NULL). */
    static final Map<String, Set<String>> OMITTED_WHEN_EMPTY = Map.of(
            "ScreeningResult", Set.of("validUntil", "screenedBy"),
            "Problem", Set.of("detail", "violations"),
            "QuestionnaireItem", Set.of("options", "help", "minimum", "maximum", "maxLength", "maxItems",
                    "notAfterAsOf", "shownWhen"),
            "AuditVerification", Set.of("firstBroken", "chains", "verifiedAt"),
            "AuditChain", Set.of("anchorSequence", "lastSequence", "headHash", "firstBroken"),
            "ChainBreak", Set.of("id"));
    /** Response properties the server sends as null when it has no value. */
    static final Map<String, Set<String>> NULLABLE = Map.ofEntries(
            Map.entry("ScreeningResult", Set.of("externalReference", "patientReference")),
            Map.entry("Reason", Set.of("reassessAfter")),
            Map.entry("ReviewQueuePage", Set.of("nextCursor")),
            Map.entry("ReviewQueueItem", Set.of("externalReference", "patientReference")),
            Map.entry("ScreeningStatus", Set.of("validUntil")),
            Map.entry("Clearance", Set.of("validUntil")),
            Map.entry("Review", Set.of("validUntil")),
            Map.entry("RulesetIdentity", Set.of("policy")),
            Map.entry("Policy", Set.of("note", "createdBy", "createdByName", "createdAt", "approvedBy",
                    "approvedByName", "approvedAt", "effectiveFrom")),
            Map.entry("Me", Set.of("clientId", "name", "clinicId")),
            Map.entry("Session", Set.of("csrfToken")));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        SchemaWalk.everySchema(openAPI, SchemasInOpenApi::inlineStringTypes);
        SchemaWalk.everySchema(openAPI, SchemasInOpenApi::collapseNullableStrings);
        SchemaWalk.everySchema(openAPI, SchemasInOpenApi::openObjects);
        STRING_FORMATS.keySet().forEach(openAPI.getComponents()::removeSchema);
        TREE_TYPES.forEach(openAPI.getComponents()::removeSchema);
        addEnumerations(openAPI);
        bodies(openAPI);
        Set<String> requests = SchemaWalk.reachable(openAPI, bodySchemas(openAPI, true));
        Set<String> responses = SchemaWalk.reachable(openAPI, bodySchemas(openAPI, false));
        responses.removeAll(requests);
        for (String name : responses) {
            Schema schema = schemas.get(name);
            if (schema != null && schema.getProperties() != null) {
                Set<String> omitted = OMITTED_WHEN_EMPTY.getOrDefault(name, Set.of());
                schema.setRequired(schema.getProperties().keySet().stream().filter(p -> !omitted.contains(p))
                        .toList());
                NULLABLE.getOrDefault(name, Set.of()).forEach(p -> nullable(schema.getProperties().get(p)));
            }
        }
        STRICT_REQUESTS.forEach(name -> {
            if (schemas.get(name) != null) {
                schemas.get(name).setAdditionalPropertiesBoolean(false);
            }
        });
        Schema request = schemas.get("ScreeningRequest");
        if (request != null) {
            List<String> required = new ArrayList<>(List.of("patient", "history"));
            request.setRequired(required);
        }
        Schema patient = schemas.get("PatientAnswers");
        if (patient != null && patient.getProperties().get("fitzpatrickSkinType") != null) {
            Schema skinType = patient.getProperties().get("fitzpatrickSkinType");
            patient.addProperty("fitzpatrickSkinType", OASFactory.createSchema()
                    .description(skinType.getDescription())
                    .addOneOf(OASFactory.createSchema().ref("FitzpatrickSkinType"))
                    .addOneOf(OASFactory.createSchema().addType(SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)
                            .maximum(java.math.BigDecimal.valueOf(6))));
        }
    }

    /** A reference to LocalDate, Instant or UUID becomes the string it is on the wire. */
    private static void inlineStringTypes(Schema schema) {
        String name = SchemaWalk.name(schema.getRef());
        if (name != null && STRING_FORMATS.containsKey(name)) {
            schema.setRef(null);
            schema.setType(new ArrayList<>(List.of(SchemaType.STRING)));
            schema.setFormat(STRING_FORMATS.get(name));
        }
    }

    /**
     * An object schema that names no property (a FHIR resource, a parameter map) takes any: without saying so,
     * openapi-typescript reads it as an object that must stay empty.
     */
    private static void openObjects(Schema schema) {
        if (schema.getType() != null && schema.getType().contains(SchemaType.OBJECT) && schema.getProperties() == null
                && schema.getAdditionalPropertiesSchema() == null && schema.getAdditionalPropertiesBoolean() == null
                && schema.getRef() == null) {
            schema.setAdditionalPropertiesBoolean(true);
        }
    }

    private static void collapseNullableStrings(Schema schema) {
        if (schema.getAnyOf() != null && schema.getAnyOf().size() == 2 && schema.getType() != null
                && schema.getType().contains(SchemaType.NULL)) {
            // SmallRye writes a nullable reference as anyOf [ref, null]; once the reference is a plain string, the
            // type list says it all.
            Schema value = schema.getAnyOf().stream().filter(s -> s.getFormat() != null).findFirst().orElse(null);
            if (value != null) {
                schema.setFormat(value.getFormat());
                schema.setAnyOf(null);
            }
        }
    }

    private static void addEnumerations(OpenAPI openAPI) {
        Ruleset ruleset = Ruleset.defaults();
        openAPI.getComponents().addSchema(REASON_CODE, stringEnum(
                "A reason code of the rule catalogue (GET /api/v1/rules)",
                ruleset.rules().stream().map(Rule::code).toList()));
        openAPI.getComponents().addSchema(ADVISORY_CODE, stringEnum(
                "An advisory code: a notice that never changes the outcome",
                ruleset.advisories().stream().map(Advisory::code).toList()));
        openAPI.getComponents().addSchema(ITEM_TYPE, stringEnum(
                "How a questionnaire item is answered", ITEM_TYPES));
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (String owner : List.of("Reason", "ReasonSummary", "ReasonChange", "RuleEntry")) {
            refProperty(schemas.get(owner), "code", REASON_CODE);
        }
        for (String owner : List.of("AdvisoryNotice", "AdvisoryEntry")) {
            refProperty(schemas.get(owner), "code", ADVISORY_CODE);
        }
        refProperty(schemas.get("QuestionnaireItem"), "type", ITEM_TYPE);
        Schema result = schemas.get("ScreeningResult");
        if (result != null && result.getProperties().get("notAssessed") != null) {
            result.getProperties().get("notAssessed").setItems(OASFactory.createSchema().ref(REASON_CODE));
        }
        Schema item = schemas.get("InstructionItem");
        if (item != null && item.getProperties().get("because") != null) {
            List<String> codes = new ArrayList<>(ruleset.rules().stream().map(Rule::code).toList());
            ruleset.advisories().stream().map(Advisory::code).forEach(codes::add);
            item.getProperties().get("because").setItems(stringEnum("A reason or advisory code", codes));
        }
        Schema questionnaireItem = schemas.get("QuestionnaireItem");
        if (questionnaireItem != null) {
            for (String limit : List.of("minimum", "maximum")) {
                Schema bound = questionnaireItem.getProperties().get(limit);
                if (bound != null) {
                    bound.setType(new ArrayList<>(List.of(SchemaType.NUMBER)));
                }
            }
        }
        for (String owner : List.of("RuleEntry", "AdvisoryEntry", "Policy")) {
            Schema parameters = schemas.get(owner) == null ? null : schemas.get(owner).getProperties().get("parameters");
            if (parameters != null) {
                // A parameter is a number (an age, a window, a depth) or a word (an outcome, a skin type).
                parameters.setAdditionalPropertiesSchema(OASFactory.createSchema().type(new ArrayList<>(
                        List.of(SchemaType.NUMBER, SchemaType.STRING, SchemaType.BOOLEAN))));
            }
        }
        Schema policy = schemas.get("Policy");
        if (policy != null && policy.getProperties().get("outcomes") != null) {
            policy.getProperties().get("outcomes").setPropertyNames(OASFactory.createSchema().ref(REASON_CODE));
        }
    }

    private static Schema stringEnum(String description, List<String> values) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description)
                .enumeration(new ArrayList<>(values));
    }

    private static void refProperty(Schema owner, String property, String target) {
        if (owner != null && owner.getProperties() != null && owner.getProperties().get(property) != null) {
            Schema old = owner.getProperties().get(property);
            owner.addProperty(property, OASFactory.createSchema().ref(target)
                    .description(old.getDescription()));
        }
    }

    private static void nullable(Schema property) {
        if (property == null) {
            return;
        }
        if (property.getRef() != null) {
            Schema ref = OASFactory.createSchema().ref(property.getRef());
            property.setRef(null);
            property.setAnyOf(new ArrayList<>(List.of(ref, OASFactory.createSchema().addType(SchemaType.NULL))));
        } else if (property.getType() != null && !property.getType().contains(SchemaType.NULL)) {
            List<SchemaType> types = new ArrayList<>(property.getType());
            types.add(SchemaType.NULL);
            property.setType(types);
        }
    }

    /** The schemas of request bodies (requests) or of success answers (responses). */
    private static List<Schema> bodySchemas(OpenAPI openAPI, boolean requests) {
        List<Schema> roots = new ArrayList<>();
        for (Operation operation : SchemaWalk.operations(openAPI)) {
            if (requests && operation.getRequestBody() != null) {
                roots.addAll(SchemaWalk.content(operation.getRequestBody().getContent()));
            }
            if (!requests && operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values()
                        .forEach(response -> roots.addAll(SchemaWalk.content(response.getContent())));
            }
        }
        return roots;
    }

    /** Operations whose resources read or write bytes or JSON trees, with the schemas of what travels. */
    private static void bodies(OpenAPI openAPI) {
        Map<String, PathItem> paths = openAPI.getPaths().getPathItems();
        withOperation(paths, "/api/v1/screenings/{screeningId}", PathItem.HttpMethod.GET, operation -> {
            json(operation.getResponses().getAPIResponse("200"), "ScreeningResult");
            errorAnswer(operation, "400", "The screening id is not a UUID; violations name screeningId");
            errorAnswer(operation, "404", "No screening with this id is recorded for the caller's clinic");
        });
        withOperation(paths, "/api/v1/screenings", PathItem.HttpMethod.POST,
                operation -> operation.getRequestBody().setContent(jsonFirst(operation.getRequestBody().getContent())));
        withOperation(paths, "/cds-services", PathItem.HttpMethod.GET,
                operation -> json(operation.getResponses().getAPIResponse("200"), "CdsServices"));
        withOperation(paths, "/cds-services/microneedling-screening", PathItem.HttpMethod.POST, operation -> {
            jsonBody(operation, "CdsHookRequest");
            json(operation.getResponses().getAPIResponse("200"), "CdsCards");
            errorAnswer(operation, "400", "The hook request is not valid JSON or not an appointment-book call");
        });
        withOperation(paths, "/cds-services/{id}/feedback", PathItem.HttpMethod.POST, operation -> {
            jsonBody(operation, "CdsFeedback");
            json(operation.getResponses().getAPIResponse("200"), "CdsFeedbackRecorded");
        });
        withOperation(paths, "/api/v1/policies", PathItem.HttpMethod.POST,
                operation -> jsonBody(operation, "PolicyDraftRequest"));
        withOperation(paths, "/api/v1/policies/{version}/replay", PathItem.HttpMethod.POST, operation -> {
            jsonBody(operation, "ReplayRange");
            errorAnswer(operation, "400", "The range is not valid; violations name from or to");
        });
        withOperation(paths, "/api/v1/policies/{version}/activation", PathItem.HttpMethod.POST, operation -> {
            jsonBody(operation, "PolicyActivation");
            errorAnswer(operation, "400", "The effective date is not valid; violations name effectiveFrom");
        });
    }

    private static void withOperation(Map<String, PathItem> paths, String path, PathItem.HttpMethod method,
            java.util.function.Consumer<Operation> change) {
        PathItem item = paths.get(path);
        Operation operation = item == null || item.getOperations() == null ? null : item.getOperations().get(method);
        if (operation != null) {
            change.accept(operation);
        }
    }

    private static void json(APIResponse response, String schema) {
        if (response != null) {
            response.setContent(OASFactory.createContent().addMediaType("application/json",
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema))));
        }
    }

    /** Generated clients send the first media type of a body: the plain JSON questionnaire, not the FHIR one. */
    private static Content jsonFirst(Content content) {
        Content ordered = OASFactory.createContent();
        MediaType json = content.getMediaType("application/json");
        if (json != null) {
            ordered.addMediaType("application/json", json);
        }
        content.getMediaTypes().forEach((name, type) -> {
            if (!"application/json".equals(name)) {
                ordered.addMediaType(name, type);
            }
        });
        return ordered;
    }

    private static void jsonBody(Operation operation, String schema) {
        if (operation.getRequestBody() == null) {
            operation.setRequestBody(OASFactory.createRequestBody());
        }
        operation.getRequestBody().required(true).setContent(OASFactory.createContent().addMediaType(
                "application/json", OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema))));
    }

    private static void errorAnswer(Operation operation, String status, String description) {
        if (operation.getResponses().getAPIResponse(status) == null) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }
}
