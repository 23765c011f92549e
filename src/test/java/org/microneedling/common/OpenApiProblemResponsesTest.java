package org.microneedling.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every operation of /q/openapi, including those added later, lists the problem answers it can give: 401 and 403
 * where it needs credentials, 413 and 415 where it takes a body, 429 and 503 everywhere, each as problem+json.
 */
@QuarkusTest
class OpenApiProblemResponsesTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private JsonPath document;

    @BeforeEach
    void readDocument() {
        document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyOperationListsTheProblemAnswersItCanGive() {
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        assertThat(paths).isNotEmpty();
        assertThat(document.getMap("components.schemas.Problem")).as("the Problem schema").isNotNull();
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String name = method.toUpperCase(Locale.ROOT) + " " + path;
            for (String status : applicableStatuses(operation)) {
                if (!isProblemAnswer(operation, status)) {
                    missing.add(name + " " + status);
                }
            }
        }));
        assertThat(missing).as("operations without a problem+json answer they can give").isEmpty();
    }

    @Test
    void answersCarryTheirHeaders() {
        Map<String, Object> screen = response("/api/v1/screenings", "post", "401");
        assertThat(headers(screen)).containsKey("WWW-Authenticate");
        assertThat(headers(response("/api/v1/screenings", "post", "429"))).containsKey("Retry-After");
        assertThat(headers(response("/api/v1/rules", "get", "503"))).containsKey("Retry-After");
    }

    @Test
    void anAnswerTheOperationDeclaresKeepsItsDescription() {
        assertThat(response("/api/v1/screenings", "post", "413").get("description")).isEqualTo("Body larger than 64 KiB");
        assertThat(response("/api/v1/screenings/batch", "post", "413").get("description"))
                .isEqualTo("Body larger than the batch limit");
        assertThat(response("/api/v1/screenings", "post", "401").get("description"))
                .as("Quarkus' placeholder is replaced").isNotEqualTo("Not Authorized");
    }

    @Test
    void anOperationWithoutCredentialsOrBodyListsOnlyTheAnswersItCanGive() {
        Map<String, Object> responses = document.getMap("paths.'/cds-services'.get.responses");
        assertThat(responses).containsKeys("429", "503").doesNotContainKeys("401", "403", "413", "415");
    }

    /** What the operation can answer, from the facts the document states about it. */
    @SuppressWarnings("unchecked")
    private List<String> applicableStatuses(Map<String, Object> operation) {
        List<String> statuses = new ArrayList<>(List.of("429", "503"));
        List<Map<String, Object>> security = (List<Map<String, Object>>) operation.getOrDefault("security",
                document.getList("security"));
        if (security != null && security.stream().anyMatch(requirement -> !requirement.isEmpty())) {
            statuses.addAll(List.of("401", "403"));
        }
        if (operation.containsKey("requestBody")) {
            statuses.addAll(List.of("413", "415"));
        }
        return statuses;
    }

    @SuppressWarnings("unchecked")
    private static boolean isProblemAnswer(Map<String, Object> operation, String status) {
        Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
        Map<String, Object> response = responses == null ? null : (Map<String, Object>) responses.get(status);
        if (response == null || response.get("description") == null) {
            return false;
        }
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        Map<String, Object> problem = content == null ? null : (Map<String, Object>) content.get(Problem.MEDIA_TYPE);
        Map<String, Object> schema = problem == null ? null : (Map<String, Object>) problem.get("schema");
        return schema != null && PROBLEM_REF.equals(schema.get("$ref"));
    }

    private Map<String, Object> response(String path, String method, String status) {
        return document.getMap("paths.'" + path + "'." + method + ".responses.'" + status + "'");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> headers(Map<String, Object> response) {
        return (Map<String, Object>) response.getOrDefault("headers", Map.of());
    }
}
