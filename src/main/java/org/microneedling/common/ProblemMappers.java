package org.microneedling.common;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the service as problem+json. Nothing a client sends may surface a stack trace
 * or a class name, so unexpected exceptions are logged with a reference and answered generically.
 * Titles and details are in the language the client accepts; types, fields and codes never change.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException exception, HttpHeaders headers) {
        return ProblemWriter.response(exception.problem(), Messages.forRequest(headers), exception.headers());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, HttpHeaders headers) {
        Messages messages = Messages.forRequest(headers);
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return internalError(exception, messages);
        }
        ProblemType type = ProblemType.forStatus(status);
        Problem problem = new Problem(type.uri(), type.title(), status, detailFor(status, messages), null);
        String allow = exception.getResponse().getHeaderString("Allow");
        return ProblemWriter.response(problem, messages, allow == null ? Map.of() : Map.of("Allow", allow));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception, HttpHeaders headers) {
        Messages messages = Messages.forRequest(headers);
        List<Violation> violations = exception.getConstraintViolations().stream()
                .map(v -> new Violation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        Problem problem = Problem.invalid(messages.get("problem.parameters"), violations);
        return ProblemWriter.response(problem, messages, Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable throwable, HttpHeaders headers) {
        return internalError(throwable, Messages.forRequest(headers));
    }

    private static Response internalError(Throwable throwable, Messages messages) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(throwable, "Unexpected error, reference %s", reference);
        return ProblemWriter.response(ProblemWriter.problem(ProblemType.INTERNAL_ERROR, messages, "problem.internal",
                reference), messages, Map.of());
    }

    private static String detailFor(int status, Messages messages) {
        return messages.get(switch (status) {
            case 401 -> "problem.unauthorized";
            case 403 -> "problem.forbidden";
            case 404 -> "problem.notFound";
            case 405 -> "problem.methodNotAllowed";
            case 406 -> "problem.notAcceptable";
            case 413 -> "problem.payloadTooLarge";
            case 415 -> "problem.mediaType";
            default -> "problem.unprocessable";
        });
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
