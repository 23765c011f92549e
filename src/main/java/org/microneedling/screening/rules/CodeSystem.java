package org.microneedling.screening.rules;

import java.util.Locale;

/** The terminologies whose codes the screening recognises, with the URIs FHIR gives them. */
public enum CodeSystem {
    ICD_10_CM("http://hl7.org/fhir/sid/icd-10-cm", "ICD-10-CM"),
    SNOMED_CT("http://snomed.info/sct", "SNOMED CT"),
    RXNORM("http://www.nlm.nih.gov/research/umls/rxnorm", "RxNorm");

    private final String uri;
    private final String label;

    CodeSystem(String uri, String label) {
        this.uri = uri;
        this.label = label;
    }

    public String uri() {
        return uri;
    }

    /** The name staff know the terminology by, used in evidence. */
    public String label() {
        return label;
    }

    /** The system with this URI, or {@code null} for a terminology the screening does not know. */
    public static CodeSystem forUri(String uri) {
        if (uri == null) {
            return null;
        }
        for (CodeSystem system : values()) {
            if (system.uri.equals(uri.trim())) {
                return system;
            }
        }
        return null;
    }

    /**
     * The code in the form the tables store: ICD-10-CM upper case without its dot, so that
     * {@code l40.0}, {@code L40.0} and {@code L400} compare equal; other codes trimmed.
     */
    String normalise(String code) {
        String trimmed = code.trim();
        return this == ICD_10_CM ? trimmed.replace(".", "").toUpperCase(Locale.ROOT) : trimmed;
    }
}
