package org.microneedling.common;

import java.util.List;
import java.util.Map;

/**
 * Thrown anywhere in request handling to answer with a problem document; {@link ProblemMappers}
 * turns it into the response.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException invalid(String detail, List<Violation> violations) {
        return new ProblemException(Problem.invalid(detail, violations));
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(Problem.of(type, detail));
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
