package org.microneedling.review;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A review's body as the provider sends it; {@link ReviewReader} checks it field by field. */
@Schema(name = "ReviewRequest", description = "A provider's decision on a referred screening. The reviewer is the "
        + "authenticated caller and cannot be given.")
public record ReviewRequest(
        @Schema(required = true, enumeration = { "CLEARED", "DECLINED", "MORE_INFORMATION_NEEDED" })
        ReviewDecision decision,
        @Schema(required = true, minLength = 1, maxLength = ReviewReader.MAX_RATIONALE)
        String rationale,
        @Schema(maxItems = ReviewReader.MAX_CONDITIONS,
                description = "Conditions of a clearance, each at most 200 characters")
        List<String> conditions,
        @Schema(description = "Only with CLEARED: the last day the clearance holds, from today to asOf + the "
                + "clinic's clearanceMaxDays (the default when absent)")
        LocalDate validUntil) {

    public ReviewRequest {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
