package org.microneedling.review;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.microneedling.screening.rules.Outcome;

/** A reason of a referred screening as the queue lists it, in the words it was first reported in. */
@JsonPropertyOrder({ "code", "outcome", "message" })
public record ReasonSummary(String code, Outcome outcome, String message) {
}
