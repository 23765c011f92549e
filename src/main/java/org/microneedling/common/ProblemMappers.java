package org.microneedling.common;

import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the service as problem+json. Nothing a client sends may surface a stack trace
 * or a class name, so unexpected exceptions are logged with a reference and answered generically.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException exception) {
        Response.ResponseBuilder builder = response(exception.problem());
        exception.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return internalError(exception);
        }
        ProblemType type = ProblemType.forStatus(status);
        Problem problem = new Problem(type.uri(), type.title(), status, detailFor(status), null);
        Response.ResponseBuilder builder = response(problem);
        String allow = exception.getResponse().getHeaderString("Allow");
        if (allow != null) {
            builder.header("Allow", allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception) {
        List<Violation> violations = exception.getConstraintViolations().stream()
                .map(v -> new Violation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return response(Problem.invalid("The request parameters are not valid.", violations)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable throwable) {
        return internalError(throwable);
    }

    private static Response internalError(Throwable throwable) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(throwable, "Unexpected error, reference %s", reference);
        return response(Problem.of(ProblemType.INTERNAL_ERROR,
                "The service could not complete the request. Quote reference " + reference + " to the operator."))
                .build();
    }

    static Response.ResponseBuilder response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 401 -> "Credentials are missing or not valid.";
            case 403 -> "The credentials do not grant access to this resource.";
            case 404 -> "No resource exists at this address.";
            case 405 -> "This method is not supported on this resource.";
            case 406 -> "The service answers with application/json only.";
            case 413 -> "The request body is larger than the service accepts.";
            case 415 -> "The request body must be sent as application/json.";
            default -> "The request could not be processed.";
        };
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
