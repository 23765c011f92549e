package org.microneedling.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Rule;

/**
 * A policy version as the workflow API shows it (contract section 2). {@code outcomes} lists every reason code
 * with the outcome it reports under this version, whether or not the draft changed it.
 */
@JsonPropertyOrder({ "clinicId", "version", "status", "parameters", "outcomes", "digest", "note", "createdBy",
        "createdByName", "createdAt", "approvedBy", "approvedByName", "approvedAt", "effectiveFrom" })
@Schema(name = "Policy")
public record PolicyDocument(
        String clinicId,
        int version,
        PolicyStatus status,
        @Schema(description = "Every parameter by its camelCase name") Map<String, Object> parameters,
        @Schema(description = "Every reason code with its outcome: INELIGIBLE or REFER_TO_PROVIDER")
        Map<String, Outcome> outcomes,
        @Schema(description = "The ruleset digest under this version, as screenings decided under it report it")
        String digest,
        String note,
        @Schema(description = "Who created the draft; null for version 0, the service's configuration")
        String createdBy,
        @Schema(description = "The display name of who created the draft, as the identity provider gave it")
        String createdByName,
        Instant createdAt,
        @Schema(description = "Who activated the version: the person's id")
        String approvedBy,
        @Schema(description = "The display name of who activated the version")
        String approvedByName,
        Instant approvedAt,
        LocalDate effectiveFrom) {

    static PolicyDocument of(PolicyVersion version, PolicyStatus status, Activation activation) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (PolicyParameter parameter : PolicyParameter.values()) {
            parameters.put(parameter.jsonName(), parameter.valueIn(version.policy()));
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (Rule rule : version.ready().ruleset().rules()) {
            outcomes.put(rule.code(), rule.outcome());
        }
        return new PolicyDocument(version.clinicId(), version.version(), status, parameters, outcomes,
                version.digest(), version.note(), version.createdBy(), version.createdByName(), version.createdAt(),
                activation == null ? null : activation.approvedBy(),
                activation == null ? null : activation.approvedByName(),
                activation == null ? null : activation.approvedAt(),
                activation == null ? null : activation.effectiveFrom());
    }
}
