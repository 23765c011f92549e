package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Without {@code quarkus.http.cors.origins} no other origin may read an API answer. */
@QuarkusTest
class CorsOffByDefaultTest {

    @Test
    void noOriginIsAllowedWhenNoneIsConfigured() {
        given().header("Origin", "https://some-site.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/screenings")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://some-site.example").get("/api/v1/rules")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aWildcardOriginIsRecognisedAndRefused() {
        assertThat(SecurityStartup.wildcards(List.of("https://frontdesk.clinic.example", "*")))
                .containsExactly("*");
        assertThat(SecurityStartup.wildcards(List.of("https://*.clinic.example"))).hasSize(1);
        assertThat(SecurityStartup.wildcards(List.of("/.*/"))).containsExactly("/.*/");
        assertThat(SecurityStartup.wildcards(List.of("/https://[a-z]+\\.clinic\\.example/"))).isEmpty();
        assertThat(SecurityStartup.wildcards(List.of("https://frontdesk.clinic.example"))).isEmpty();
    }
}
