package org.microneedling.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

class ServedApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theServersEntryIsTheConfiguredAddressAndKeepsItsDescription() throws IOException {
        byte[] committed = """
                {"openapi":"3.1.0","servers":[{"url":"/","description":"This service"}],"paths":{}}"""
                .getBytes(StandardCharsets.UTF_8);

        ServedApiDocument.Renditions served = ServedApiDocument.Renditions.of(committed, "https://a.example/api");

        JsonNode[] renditions = {JSON.readTree(served.json()), new YAMLMapper().readTree(served.yaml())};
        for (JsonNode document : renditions) {
            assertThat(document.at("/servers/0/url").asText()).isEqualTo("https://a.example/api");
            assertThat(document.at("/servers/0/description").asText()).isEqualTo("This service");
            assertThat(document.at("/servers").size()).isEqualTo(1);
        }
    }

    @Test
    void aDocumentWithoutServersGetsTheConfiguredOne() throws IOException {
        byte[] committed = "{\"openapi\":\"3.1.0\",\"paths\":{}}".getBytes(StandardCharsets.UTF_8);

        JsonNode served = JSON.readTree(ServedApiDocument.Renditions.of(committed, "/").json());

        assertThat(served.at("/servers/0/url").asText()).isEqualTo("/");
    }

    @Test
    void theFormatFollowsThePathThenTheParameterThenTheAcceptHeader() {
        assertThat(ServedApiDocument.wantsJson("/q/openapi.json", "yaml", "application/yaml")).isTrue();
        assertThat(ServedApiDocument.wantsJson("/q/openapi.yml", "json", "application/json")).isFalse();
        assertThat(ServedApiDocument.wantsJson("/q/openapi", "JSON", "application/yaml")).isTrue();
        assertThat(ServedApiDocument.wantsJson("/q/openapi", "yaml", "application/json")).isFalse();
        assertThat(ServedApiDocument.wantsJson("/q/openapi", null, "application/json, */*")).isTrue();
        assertThat(ServedApiDocument.wantsJson("/q/openapi", null, "*/*")).isFalse();
        assertThat(ServedApiDocument.wantsJson("/q/openapi", null, null)).isFalse();
    }
}
