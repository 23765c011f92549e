package org.microneedling.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.microneedling.screening.rules.Outcome;

/**
 * The decision as the v1 contract returns it.
 *
 * @param validUntil the last day an ELIGIBLE result may be booked on ({@code asOf} + the clinic's
 *        {@code screeningValidityDays}); absent from every other outcome
 */
@JsonPropertyOrder({ "screeningId", "outcome", "reasons", "advisories", "notAssessed", "externalReference",
        "patientReference", "asOf", "validUntil", "ruleset", "evaluatedAt", "screenedBy" })
public record ScreeningResult(
        UUID screeningId,
        Outcome outcome,
        List<Reason> reasons,
        List<AdvisoryNotice> advisories,
        List<String> notAssessed,
        String externalReference,
        String patientReference,
        LocalDate asOf,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate validUntil,
        RulesetIdentity ruleset,
        Instant evaluatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) StaffMember screenedBy) {

    @JsonPropertyOrder({ "code", "outcome", "message", "evidence", "source", "reassessAfter" })
    public record Reason(String code, Outcome outcome, String message, List<String> evidence, String source,
            LocalDate reassessAfter) {
    }

    @JsonPropertyOrder({ "code", "message", "evidence" })
    public record AdvisoryNotice(String code, String message, List<String> evidence) {
    }

    /** @param digest covers every rule, every parameter and outcome of the clinic's policy, and the code tables */
    @JsonPropertyOrder({ "name", "version", "digest", "policy" })
    public record RulesetIdentity(String name, String version, String digest, PolicyRef policy) {
    }

    /**
     * The signed-in person who screened: the identity provider's subject and display name. Absent for an API key,
     * whose client the audit trail records.
     */
    @JsonPropertyOrder({ "id", "name" })
    public record StaffMember(String id, String name) {
    }

    /** The clinic policy version the decision was made under; version 0 is the service's configuration. */
    @JsonPropertyOrder({ "clinicId", "version" })
    public record PolicyRef(String clinicId, int version) {
    }
}
