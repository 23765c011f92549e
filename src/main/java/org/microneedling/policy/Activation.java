package org.microneedling.policy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A medical director's approval of a draft: it takes effect at {@code effectiveAt}, the moment of approval or the
 * start of {@code effectiveFrom} in the service's zone.
 */
record Activation(int version, LocalDate effectiveFrom, Instant effectiveAt, String approvedBy, Instant approvedAt) {
}
