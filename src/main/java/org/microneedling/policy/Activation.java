package org.microneedling.policy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A medical director's approval of a draft: it takes effect at {@code effectiveAt}, the moment of approval or the
 * start of {@code effectiveFrom} in the service's zone.
 *
 * @param approvedBy the person's id
 * @param approvedByName the person's display name; null in approvals recorded before names were
 */
record Activation(int version, LocalDate effectiveFrom, Instant effectiveAt, String approvedBy,
        String approvedByName, Instant approvedAt) {
}
