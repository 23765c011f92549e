package org.microneedling.fhir;

import java.util.List;

import jakarta.ws.rs.core.MediaType;

/** The FHIR JSON media type and the content negotiation around it. */
public final class FhirMediaTypes {

    public static final String FHIR_JSON = "application/fhir+json";
    public static final MediaType FHIR_JSON_TYPE = MediaType.valueOf(FHIR_JSON);

    private static final String LEGACY_SUBTYPE = "json+fhir";

    private FhirMediaTypes() {
    }

    public static boolean isFhirJson(MediaType type) {
        return "application".equalsIgnoreCase(type.getType())
                && ("fhir+json".equalsIgnoreCase(type.getSubtype()) || LEGACY_SUBTYPE.equalsIgnoreCase(type.getSubtype()));
    }

    /**
     * Whether a client asks for FHIR: the first acceptable type, in the client's order of preference,
     * that is either FHIR JSON or plain JSON decides; a wildcard keeps plain JSON, the default.
     */
    public static boolean prefersFhir(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (isFhirJson(type)) {
                return true;
            }
            if (type.isWildcardType() || MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
                return false;
            }
        }
        return false;
    }
}
