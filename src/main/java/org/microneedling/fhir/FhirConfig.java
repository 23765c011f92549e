package org.microneedling.fhir;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "fhir")
public interface FhirConfig {

    /** Canonical URL of the FHIR Questionnaire; by default its own address, /api/v1/questionnaire. */
    Optional<String> questionnaireUrl();
}
