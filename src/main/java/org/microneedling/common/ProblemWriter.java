package org.microneedling.common;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes every problem+json answer of the service: the title in the caller's language, the JSON body, the content
 * type and the headers. The REST layer's exception mappers and the route handlers that answer before it (security
 * failures, the body limit, a stopping instance) all go through here, so an answer cannot differ by where it began.
 */
public final class ProblemWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long the streams still open on an HTTP/2 connection told to go away have to finish. */
    private static final Duration GOAWAY_GRACE = Duration.ofSeconds(30);

    private ProblemWriter() {
    }

    /** A problem whose detail is the message {@code detailKey} in the caller's language. */
    public static Problem problem(ProblemType type, Messages messages, String detailKey, Object... arguments) {
        return new Problem(type.uri(), type.title(messages), type.status(), messages.get(detailKey, arguments), null);
    }

    /** The REST layer's answer: a problem thrown anywhere with an English title gets the caller's. */
    public static Response response(Problem problem, Messages messages, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(json(localised(problem, messages)));
        headers.forEach(builder::header);
        return builder.build();
    }

    /** A route handler's answer, in the language of the request's Accept-Language header. */
    public static void send(RoutingContext context, Problem problem, Map<String, String> headers) {
        HttpServerResponse response = context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(Buffer.buffer(json(localised(problem, messages(context)))));
    }

    /** Refuses a request whose body was not read; the connection is closed after the answer. */
    static void refuse(RoutingContext context, ProblemType type, String detailKey, Map<String, String> headers) {
        closeConnectionAfter(context);
        send(context, problem(type, messages(context), detailKey), headers);
    }

    /**
     * Asks the client to send its next request on a new connection. HTTP/1.1 says so with {@code Connection: close};
     * HTTP/2 forbids that header (a client treats it as a protocol error and loses the answer), and says it with
     * GOAWAY instead, sent after this answer: streams already open are still answered, then the connection closes.
     */
    static void closeConnectionAfter(RoutingContext context) {
        if (context.request().version() == HttpVersion.HTTP_2) {
            HttpConnection connection = context.request().connection();
            // Only once this answer is out: a client may fail every stream still open when GOAWAY arrives.
            context.addEndHandler(ignored -> connection.shutdown(GOAWAY_GRACE.toMillis(), TimeUnit.MILLISECONDS));
        } else {
            context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
    }

    /** The caller's language from its Accept-Language header, as {@link Messages#forRequest} reads it in REST. */
    public static Messages messages(RoutingContext context) {
        return Messages.forLanguages(() -> context.acceptableLanguages().stream()
                .map(language -> Locale.forLanguageTag(language.value())).toList());
    }

    private static Problem localised(Problem problem, Messages messages) {
        ProblemType type = ProblemType.forUri(problem.type());
        if (type == null) {
            return problem;
        }
        return new Problem(problem.type(), type.title(messages), problem.status(), problem.detail(),
                problem.violations());
    }

    private static byte[] json(Problem problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document could not be written", e);
        }
    }
}
