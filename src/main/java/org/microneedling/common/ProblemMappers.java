package org.microneedling.common;

import java.util.List;
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
        Response.ResponseBuilder builder = response(localised(exception.problem(), Messages.forRequest(headers)));
        exception.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, HttpHeaders headers) {
        Messages messages = Messages.forRequest(headers);
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return internalError(exception, messages);
        }
        ProblemType type = ProblemType.forStatus(status);
        Problem problem = new Problem(type.uri(), type.title(messages), status, detailFor(status, messages), null);
        Response.ResponseBuilder builder = response(problem);
        String allow = exception.getResponse().getHeaderString("Allow");
        if (allow != null) {
            builder.header("Allow", allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception, HttpHeaders headers) {
        Messages messages = Messages.forRequest(headers);
        List<Violation> violations = exception.getConstraintViolations().stream()
                .map(v -> new Violation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return response(localised(Problem.invalid(messages.get("problem.parameters"), violations), messages)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable throwable, HttpHeaders headers) {
        return internalError(throwable, Messages.forRequest(headers));
    }

    private static Response internalError(Throwable throwable, Messages messages) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(throwable, "Unexpected error, reference %s", reference);
        ProblemType type = ProblemType.INTERNAL_ERROR;
        return response(new Problem(type.uri(), type.title(messages), type.status(),
                messages.get("problem.internal", reference), null)).build();
    }

    static Response.ResponseBuilder response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /** Problems are built with English titles wherever they are thrown; the title follows the client here. */
    static Problem localised(Problem problem, Messages messages) {
        ProblemType type = ProblemType.forUri(problem.type());
        if (type == null) {
            return problem;
        }
        return new Problem(problem.type(), type.title(messages), problem.status(), problem.detail(),
                problem.violations());
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
