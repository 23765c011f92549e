package org.microneedling.common;

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
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Lists in the OpenAPI document the problem answers that every operation can give without saying so itself, from
 * what the document knows about the operation: 401 and 403 where it needs credentials, 413 and 415 where it takes a
 * body, 429 (the rate limit of authenticated clients) and 503 (a stopping instance refuses any request) everywhere.
 * An answer the operation declares keeps its description; it only gains the problem+json schema and headers it lacks.
 * Quarkus declares 401 and 403 on secured operations with placeholder words only; those are replaced. Every other
 * error answer an operation declares (400, 404, 409, ...) is problem+json too.
 */
@OpenApiFilter(priority = 10)
public class ProblemResponsesInOpenApi implements OASFilter {

    /** One answer the service can give: its status, what it means, and the headers that come with it. */
    record Answer(String status, String description, Map<String, String> headers) {
    }

    static final Answer UNAUTHORIZED = new Answer("401",
            "Credentials are missing or not valid; WWW-Authenticate names the schemes accepted",
            Map.of("WWW-Authenticate", "The schemes accepted: ApiKey, and Bearer when JWT is configured"));
    static final Answer FORBIDDEN = new Answer("403", "The credentials do not grant a role this operation needs",
            Map.of());
    static final Answer PAYLOAD_TOO_LARGE = new Answer("413", "The request body is larger than the service accepts",
            Map.of());
    static final Answer UNSUPPORTED_MEDIA_TYPE = new Answer("415",
            "The request body is not sent in a media type this operation accepts", Map.of());
    static final Answer TOO_MANY_REQUESTS = new Answer("429",
            "The client has used up its request budget (screening.rate-limit); retry after Retry-After seconds",
            Map.of("Retry-After", "Seconds after which a retry can succeed"));
    static final Answer SERVICE_UNAVAILABLE = new Answer("503",
            "The instance is stopping, or the audit store cannot record or read decisions; retry after Retry-After "
                    + "seconds (a stopping instance's answer sends the client to another instance)",
            Map.of("Retry-After", "Seconds after which a retry can succeed"));

    private static final String PROBLEM_SCHEMA = "Problem";
    /** What Quarkus writes on the 401 and 403 it adds to every secured operation. */
    private static final Set<String> PLACEHOLDER_DESCRIPTIONS = Set.of("Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            if (path.getOperations() != null) {
                path.getOperations().values().forEach(operation -> complete(operation, openAPI.getSecurity()));
            }
        }
    }

    /** The problem answers an operation can give, from its security requirement and whether it takes a body. */
    static List<Answer> answersOf(Operation operation, List<SecurityRequirement> documentSecurity) {
        List<SecurityRequirement> security = operation.getSecurity() == null
                ? documentSecurity
                : operation.getSecurity();
        boolean secured = security != null && security.stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && !requirement.getSchemes().isEmpty());
        boolean takesBody = operation.getRequestBody() != null;
        return List.of(UNAUTHORIZED, FORBIDDEN, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, TOO_MANY_REQUESTS,
                SERVICE_UNAVAILABLE).stream()
                .filter(answer -> secured || (answer != UNAUTHORIZED && answer != FORBIDDEN))
                .filter(answer -> takesBody || (answer != PAYLOAD_TOO_LARGE && answer != UNSUPPORTED_MEDIA_TYPE))
                .toList();
    }

    private static void complete(Operation operation, List<SecurityRequirement> documentSecurity) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        for (Answer answer : answersOf(operation, documentSecurity)) {
            APIResponse response = responses.getAPIResponse(answer.status());
            if (response == null) {
                response = OASFactory.createAPIResponse();
                responses.addAPIResponse(answer.status(), response);
            }
            describe(response, answer);
        }
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.matches("[45]\\d\\d")) {
                    describe(response, new Answer(status, "A problem", Map.of()));
                }
            });
        }
    }

    private static void describe(APIResponse response, Answer answer) {
        String declared = response.getDescription();
        if (declared == null || declared.isBlank() || PLACEHOLDER_DESCRIPTIONS.contains(declared)) {
            response.setDescription(answer.description());
        }
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent());
        }
        Content content = response.getContent();
        MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            problem = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, problem);
        }
        if (problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        }
        answer.headers().forEach((name, description) -> {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                response.addHeader(name, OASFactory.createHeader().description(description).schema(headerSchema(name))
                        .required("WWW-Authenticate".equals(name) ? Boolean.TRUE : null));
            }
        });
    }

    private static Schema headerSchema(String name) {
        return OASFactory.createSchema().addType("Retry-After".equals(name) ? Schema.SchemaType.INTEGER
                : Schema.SchemaType.STRING);
    }
}
