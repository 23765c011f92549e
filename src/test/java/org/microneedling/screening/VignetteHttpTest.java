package org.microneedling.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Replays every clinical vignette through the real endpoint, as a client would send it. */
@QuarkusTest
class VignetteHttpTest {

    static Stream<Arguments> vignettes() throws IOException {
        Path folder = Path.of("src/test/resources/vignettes");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().map(file -> {
                try {
                    JsonNode vignette = Questionnaires.MAPPER.readTree(file.toFile());
                    return Arguments.of(vignette.get("name").asText(), vignette);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void endpointDecidesAsTheVignetteExpects(String name, JsonNode vignette) throws IOException {
        String response = given().contentType(ContentType.JSON).body(vignette.get("request").toString())
                .post("/api/v1/screenings")
                .then().statusCode(200).extract().asString();
        JsonNode actual = Questionnaires.MAPPER.readTree(response);
        JsonNode expected = vignette.get("expected");

        assertThat(actual.get("outcome").asText()).as("outcome").isEqualTo(expected.get("outcome").asText());
        assertThat(reasons(actual)).as("reasons").isEqualTo(reasons(expected));
        assertThat(texts(actual.get("advisories"), "code")).as("advisories")
                .isEqualTo(texts(expected.get("advisories"), null));
        assertThat(texts(actual.get("notAssessed"), null)).as("notAssessed")
                .isEqualTo(texts(expected.get("notAssessed"), null));
        assertThat(actual.get("asOf").asText()).isEqualTo(vignette.get("request").get("asOf").asText());
        for (JsonNode reason : actual.get("reasons")) {
            assertThat(reason.get("message").asText()).as("message of " + reason.get("code")).isNotBlank();
            assertThat(reason.get("evidence")).as("evidence of " + reason.get("code")).isNotEmpty();
            assertThat(reason.get("source").asText()).isNotBlank();
        }
    }

    private static List<String> reasons(JsonNode result) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode reason : result.get("reasons")) {
            JsonNode reassess = reason.get("reassessAfter");
            reasons.add(reason.get("code").asText() + " " + reason.get("outcome").asText() + " "
                    + (reassess == null || reassess.isNull() ? "-" : reassess.asText()));
        }
        return reasons;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(node -> texts.add(field == null ? node.asText() : node.get(field).asText()));
        }
        return texts;
    }
}
