package org.microneedling.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An RFC 9457 problem document. {@code violations} is present for input errors only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "violations" })
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null);
    }

    public static Problem invalid(String detail, List<Violation> violations) {
        ProblemType type = ProblemType.INVALID_INPUT;
        return new Problem(type.uri(), type.title(), type.status(), detail, List.copyOf(violations));
    }
}
