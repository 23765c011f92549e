package org.microneedling.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed document (src/main/openapi/openapi.json), from which the clients are generated and which the service
 * serves at /q/openapi, is the one SmallRye derives from the resources at /q/openapi-generated (tests only). Run with
 * -Dopenapi.update=true to rewrite it after a change of the API.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("src/main/openapi/openapi.json");
    private static final ObjectMapper YAML = new YAMLMapper();

    @Test
    void theCommittedDocumentIsTheOneDerivedFromTheResources() throws IOException {
        String generated = given().accept("application/json").get("/q/openapi-generated").then().statusCode(200)
                .extract().asString().strip() + "\n";
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("src/main/openapi/openapi.json differs from the resources: rerun this test with "
                        + "-Dopenapi.update=true")
                .isEqualTo(generated);
    }

    @ParameterizedTest
    @CsvSource({
        "/q/openapi, application/json, application/json",
        "/q/openapi?format=json, */*, application/json",
        "/q/openapi?format=JSON, application/yaml, application/json",
        "/q/openapi.json, */*, application/json",
        "/q/openapi, */*, application/yaml",
        "/q/openapi?format=yaml, application/json, application/yaml",
        "/q/openapi.yaml, application/json, application/yaml",
        "/q/openapi.yml, */*, application/yaml"})
    void theServedDocumentIsTheCommittedOneInTheFormatAskedFor(String path, String accept, String type)
            throws IOException {
        var answer = given().accept(accept).get(path).then().statusCode(200).contentType(type).extract();
        JsonNode served = type.endsWith("json") ? DeclaredSchemas.JSON.readTree(answer.asByteArray())
                : YAML.readTree(answer.asByteArray());
        assertThat(served).isEqualTo(DeclaredSchemas.JSON.readTree(COMMITTED.toFile()));
    }

    @Test
    void aHeadRequestGetsTheTypeWithoutTheDocument() {
        given().accept("application/json").head("/q/openapi").then().statusCode(200)
                .contentType("application/json").body(emptyString());
    }
}
