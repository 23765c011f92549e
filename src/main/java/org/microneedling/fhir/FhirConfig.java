package org.microneedling.fhir;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "fhir")
public interface FhirConfig {

    /**
     * Canonical URL of the FHIR Questionnaire in English, the default language; the Questionnaire in another
     * language is this URL followed by {@code -<language>}, e.g. {@code -es}. An identifier, not an address.
     */
    @WithDefault("https://screening.example.org/fhir/Questionnaire/microneedling-intake")
    String questionnaireUrl();
}
