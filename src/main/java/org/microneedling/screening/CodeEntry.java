package org.microneedling.screening;

import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.microneedling.common.MaxCharacters;

/** A coded condition or medicine as an EHR holds it, e.g. ICD-10-CM {@code L40.0} or RxNorm {@code 1364430}. */
@Schema(name = "CodeEntry")
public record CodeEntry(
        @Schema(description = "Code system URI: http://hl7.org/fhir/sid/icd-10-cm, http://snomed.info/sct or "
                + "http://www.nlm.nih.gov/research/umls/rxnorm. Codes of other systems are accepted and ignored.",
                examples = "http://hl7.org/fhir/sid/icd-10-cm")
        @NotBlank @MaxCharacters(CodeEntry.MAX_LENGTH) String system,
        @Schema(description = "The code; ICD-10-CM with or without its dot.", examples = "L40.0")
        @NotBlank @MaxCharacters(CodeEntry.MAX_LENGTH) String code) {

    /** Longest accepted system URI or code. */
    static final int MAX_LENGTH = 200;

    /** Most codes accepted in one list. */
    static final int MAX_ITEMS = 100;
}
