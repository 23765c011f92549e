package org.microneedling.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.microneedling.common.ClinicId;

/**
 * One record as it must be kept: for a screening, the request exactly as received, the result exactly as returned,
 * and the ruleset that produced it; other kinds (a policy, a review) keep their own request and result JSON in the
 * same fields. There is deliberately no field for a name or contact data.
 *
 * @param screeningId the record's id, a version 7 UUID for every kind
 * @param request the questionnaire JSON as the client sent it (for a batch, that item's JSON)
 * @param result the {@code ScreeningResult} JSON, byte for byte what the client receives
 * @param clientId the authenticated calling client, or {@code null} while authentication is off
 * @param sourceFormat how the questionnaire arrived, e.g. {@code json}
 * @param kind what the record is, e.g. {@link #SCREENING}; null in records stored before kinds existed
 * @param clinicId the clinic the record belongs to; null in records stored before clinics existed
 */
public record AuditEntry(
        UUID screeningId,
        String request,
        String result,
        String rulesetName,
        String rulesetVersion,
        String rulesetDigest,
        LocalDate asOf,
        String externalReference,
        String clientId,
        String sourceFormat,
        Instant evaluatedAt,
        String kind,
        String clinicId) {

    public static final String SCREENING = "screening";

    /** A record stored before kinds existed is a screening. */
    public String kindOrScreening() {
        return kind == null ? SCREENING : kind;
    }

    /** A record stored before clinics existed belongs to the only clinic there was. */
    public String clinicOrDefault() {
        return ClinicId.orDefault(clinicId);
    }

    /** This entry with another evaluation time: how it is stored when its own is missing or finer than stored. */
    AuditEntry evaluatedAt(Instant storedEvaluatedAt) {
        return new AuditEntry(screeningId, request, result, rulesetName, rulesetVersion, rulesetDigest, asOf,
                externalReference, clientId, sourceFormat, storedEvaluatedAt, kind, clinicId);
    }
}
