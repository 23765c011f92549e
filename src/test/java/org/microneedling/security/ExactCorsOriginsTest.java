package org.microneedling.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactCorsOriginsTest {

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = { "/https://frontdesk.clinic.example/", "/https://[a-z]+\\.clinic\\.example/", "*",
            "https://*.clinic.example", "https://frontdesk.clinic.example/", "https://frontdesk.clinic.example/app",
            "https://user@frontdesk.clinic.example", "frontdesk.clinic.example", "ftp://frontdesk.clinic.example",
            "https://frontdesk.clinic.example?x=1" })
    void anythingButAnExactOriginIsRefused(String origin) {
        assertThat(ExactCorsOrigins.inexact(List.of("https://ok.clinic.example", origin))).containsExactly(origin);
    }

    @ParameterizedTest(name = "{0} is accepted")
    @ValueSource(strings = { "https://frontdesk.clinic.example", "http://localhost:8080", "https://[::1]:8443",
            "HTTPS://Frontdesk.Clinic.Example" })
    void exactOriginsAreAccepted(String origin) {
        assertThat(ExactCorsOrigins.inexact(List.of(origin))).isEmpty();
    }

    @Test
    void aRegularExpressionStopsTheStartWithAMessageThatSaysWhatToWrite() {
        ExactCorsOrigins check = new ExactCorsOrigins(Optional.of(List.of("/https://frontdesk.clinic.example/")));

        assertThatThrownBy(() -> check.check(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.http.cors.origins must list exact origins")
                .hasMessageContaining("no regular expression")
                .hasMessageContaining("[/https://frontdesk.clinic.example/]");
    }

    @Test
    void noOriginsStartsNormally() {
        assertThatCode(() -> new ExactCorsOrigins(Optional.empty()).check(null)).doesNotThrowAnyException();
    }
}
