package org.microneedling.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** docs/api.md must name every endpoint the service publishes in its OpenAPI document. */
@QuarkusTest
class ApiDocumentationTest {

    @Test
    void everyPublishedEndpointIsInTheApiTable() throws IOException {
        String documentation = Files.readString(Path.of("docs/api.md"));
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        assertThat(paths).isNotEmpty();
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> assertThat(documentation)
                .as("docs/api.md has a row for " + method.toUpperCase(Locale.ROOT) + " " + path)
                .containsPattern("\\| " + method.toUpperCase(Locale.ROOT) + " \\| [^\\n]*`" + Pattern.quote(path) + "`")));
    }
}
