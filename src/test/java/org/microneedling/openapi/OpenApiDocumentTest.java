package org.microneedling.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed document (src/main/openapi/openapi.json), from which the clients are generated, is the one the
 * service serves. Run with -Dopenapi.update=true to rewrite it after a change of the API.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("src/main/openapi/openapi.json");

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        String served = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
                .asString().strip() + "\n";
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("src/main/openapi/openapi.json differs from /q/openapi: rerun this test with -Dopenapi.update=true")
                .isEqualTo(served);
    }
}
