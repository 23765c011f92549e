package org.microneedling.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One decision as it must be kept: the request exactly as received, the result exactly as returned,
 * and the ruleset that produced it. There is deliberately no field for a name or contact data.
 *
 * @param request the questionnaire JSON as the client sent it (for a batch, that item's JSON)
 * @param result the {@code ScreeningResult} JSON, byte for byte what the client receives
 * @param clientId the authenticated calling client, or {@code null} while authentication is off
 * @param sourceFormat how the questionnaire arrived, e.g. {@code json}
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
        Instant evaluatedAt) {
}
