package org.microneedling.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microneedling.screening.rules.Advisory;
import org.microneedling.screening.rules.Rule;
import org.microneedling.screening.rules.Ruleset;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What a client team relies on in /q/openapi, for every operation including those added later: a name, its security
 * in both schemes with the roles in words, tags that are described, schemas named in the contract's words with
 * enumerations that are the ruleset's, and examples that conform to their schemas.
 */
@QuarkusTest
class OpenApiContractTest {

    private JsonNode document;

    @BeforeEach
    void readDocument() throws IOException {
        document = DeclaredSchemas.JSON.readTree(given().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        List<String> unnamed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        forEachOperation((name, operation) -> {
            String id = operation.path("operationId").asText(null);
            if (id == null) {
                unnamed.add(name);
            } else if (!ids.add(id)) {
                duplicates.add(id);
            }
        });
        assertThat(unnamed).as("operations without operationId: add them to OperationIdsInOpenApi").isEmpty();
        assertThat(duplicates).isEmpty();
        assertThat(ids).contains("screenPatient", "screenBatch", "getScreening", "getScreeningStatus", "listReviews",
                "reviewScreening", "getClearance", "getQuestionnaire", "getRules", "discoverCdsServices");
    }

    @Test
    void everyOperationStatesItsSecurityAndTheRolesInWords() {
        assertThat(document.at("/components/securitySchemes/ApiKey/name").asText()).isEqualTo("X-API-Key");
        assertThat(document.at("/components/securitySchemes/ApiKey/in").asText()).isEqualTo("header");
        assertThat(document.at("/components/securitySchemes/BearerJwt/scheme").asText()).isEqualTo("bearer");
        List<String> wrong = new ArrayList<>();
        forEachOperation((name, operation) -> {
            JsonNode security = operation.get("security");
            String description = operation.path("description").asText("");
            if (security == null || security.isEmpty()) {
                wrong.add(name + ": no security entry");
            } else if (security.size() == 1 && security.get(0).isEmpty()) {
                if (!description.contains("no credentials")) {
                    wrong.add(name + ": open, but its description does not say so");
                }
            } else if (!security.findParents("ApiKey").isEmpty() && !security.findParents("BearerJwt").isEmpty()) {
                for (JsonNode role : security.get(0).get("ApiKey")) {
                    if (!description.contains(role.asText())) {
                        wrong.add(name + ": role " + role.asText() + " not in its description");
                    }
                }
            } else {
                wrong.add(name + ": not both schemes");
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(document.at("/paths/~1cds-services/get/security").toString()).isEqualTo("[{}]");
        assertThat(document.at("/paths/~1api~1v1~1screenings/post/security/0/ApiKey").toString())
                .isEqualTo("[\"screening\",\"admin\"]");
    }

    @Test
    void aServerIsNamed() {
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("/");
    }

    @Test
    void theBrowserOnlySignInRedirectsAreLeftOut() {
        assertThat(document.get("paths").fieldNames()).toIterable()
                .noneMatch(path -> path.startsWith(BrowserOnlyEndpointsInOpenApi.BROWSER_ONLY_PREFIX));
    }

    @Test
    void schemaNamesAreTheApisWords() {
        List<String> names = new ArrayList<>();
        document.at("/components/schemas").fieldNames().forEachRemaining(names::add);
        assertThat(names).doesNotContain("LocalDate", "Instant", "UUID", "JsonNode", "ObjectNode", "Break", "Item",
                "Section", "Definition", "Example");
        assertThat(names).noneMatch(name -> name.matches(".*\\d$")).contains("ScreeningRequest", "ScreeningResult",
                "Problem", "ReasonCode", "AdvisoryCode", "CdsServices", "CdsCards");
        List<String> tags = new ArrayList<>();
        document.get("tags").forEach(tag -> tags.add(tag.get("name").asText()));
        forEachOperation((name, operation) -> operation.path("tags")
                .forEach(tag -> assertThat(tags).as(name).contains(tag.asText())));
    }

    @Test
    void codeEnumerationsAreTheRulesetsCodes() {
        Ruleset ruleset = Ruleset.defaults();
        assertThat(texts(document.at("/components/schemas/ReasonCode/enum")))
                .containsExactlyElementsOf(ruleset.rules().stream().map(Rule::code).toList());
        assertThat(texts(document.at("/components/schemas/AdvisoryCode/enum")))
                .containsExactlyElementsOf(ruleset.advisories().stream().map(Advisory::code).toList());
        assertThat(document.at("/components/schemas/Reason/properties/code/$ref").asText())
                .endsWith("/ReasonCode");
        assertThat(document.at("/components/schemas/ScreeningResult/properties/notAssessed/items/$ref").asText())
                .endsWith("/ReasonCode");
    }

    @Test
    void requestsAreStrictAndResponsesSayWhatIsAlwaysThere() {
        assertThat(document.at("/components/schemas/ScreeningRequest/additionalProperties").asBoolean(true)).isFalse();
        assertThat(texts(document.at("/components/schemas/ScreeningRequest/required")))
                .containsExactly("patient", "history");
        assertThat(texts(document.at("/components/schemas/ScreeningResult/required")))
                .contains("screeningId", "outcome", "reasons", "advisories", "notAssessed", "ruleset", "evaluatedAt");
        assertThat(texts(document.at("/components/schemas/Reason/properties/reassessAfter/type")))
                .contains("null");
        assertThat(document.at("/components/schemas/PatientAnswers/properties/fitzpatrickSkinType/oneOf")).hasSize(2);
        assertThat(document.at("/paths/~1api~1v1~1screenings~1{screeningId}/get/responses/200/content/"
                + "application~1json/schema/$ref").asText()).endsWith("/ScreeningResult");
        assertThat(document.at("/paths/~1api~1v1~1screenings~1{screeningId}/get/responses").has("404")).isTrue();
    }

    @Test
    void everyExampleConformsToItsSchema() {
        DeclaredSchemas schemas = DeclaredSchemas.of(document);
        List<String> wrong = new ArrayList<>();
        int[] checked = { 0 };
        forEachOperation((name, operation) -> {
            List<JsonNode> media = new ArrayList<>(operation.path("requestBody").path("content").findParents("schema"));
            operation.path("responses").forEach(response -> media.addAll(response.path("content")
                    .findParents("schema")));
            for (JsonNode mediaType : media) {
                for (JsonNode example : mediaType.path("examples")) {
                    checked[0]++;
                    schemas.violations(mediaType.get("schema"), example.get("value"))
                            .forEach(message -> wrong.add(name + ": " + message));
                }
            }
        });
        document.at("/components/schemas").forEach(schema -> schema.path("properties").forEach(property -> {
            for (JsonNode example : property.path("examples")) {
                checked[0]++;
                schemas.violations(property, example).forEach(wrong::add);
            }
        }));
        assertThat(checked[0]).as("examples checked").isGreaterThan(3);
        assertThat(wrong).isEmpty();
    }

    private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> check) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(
                    operation -> check.accept(operation.getKey().toUpperCase() + " " + path.getKey(),
                            operation.getValue()));
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
