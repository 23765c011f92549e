package org.microneedling.screening.rules;

/**
 * A code from a terminology as a calling system sent it, e.g. ICD-10-CM {@code L40.0}.
 *
 * @param system the code system URI, e.g. {@code http://hl7.org/fhir/sid/icd-10-cm}
 * @param code the code as given
 */
public record ClinicalCode(String system, String code) {
}
