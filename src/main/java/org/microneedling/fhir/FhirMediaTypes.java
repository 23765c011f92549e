package org.microneedling.fhir;

import jakarta.ws.rs.core.MediaType;

/** The FHIR JSON media types. */
public final class FhirMediaTypes {

    public static final String FHIR_JSON = "application/fhir+json";
    public static final MediaType FHIR_JSON_TYPE = MediaType.valueOf(FHIR_JSON);
    /** The spelling before R4, which older clients still send. */
    static final String LEGACY_FHIR_JSON = "application/json+fhir";

    /**
     * FHIR JSON as a representation the server ranks below plain JSON: when a client accepts both
     * equally (no Accept header, or a wildcard), it gets plain JSON, the default.
     */
    static final String FHIR_JSON_BELOW_JSON = FHIR_JSON + ";qs=0.5";

    private FhirMediaTypes() {
    }

    /** Whether a Content-Type is FHIR JSON in either spelling. */
    static boolean isFhirJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            return isFhirJson(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isFhirJson(MediaType type) {
        return "application".equalsIgnoreCase(type.getType())
                && ("fhir+json".equalsIgnoreCase(type.getSubtype()) || "json+fhir".equalsIgnoreCase(type.getSubtype()));
    }
}
