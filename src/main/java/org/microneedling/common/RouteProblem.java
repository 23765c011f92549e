package org.microneedling.common;

import java.util.Locale;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem+json answers from route handlers, which run before the REST layer and its exception mappers, in the
 * caller's language.
 */
public final class RouteProblem {

    private RouteProblem() {
    }

    /** The caller's language from its Accept-Language header, as {@link Messages#forRequest} reads it in REST. */
    public static Messages messages(RoutingContext context) {
        return Messages.forLanguages(() -> context.acceptableLanguages().stream()
                .map(language -> Locale.forLanguageTag(language.value())).toList());
    }

    /** Refuses a request whose body was not read; the connection is closed after the answer. */
    static void send(RoutingContext context, ProblemType type, String detailKey) {
        Messages messages = messages(context);
        String body = new JsonObject()
                .put("type", type.uri())
                .put("title", type.title(messages))
                .put("status", type.status())
                .put("detail", messages.get(detailKey))
                .encode();
        context.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                .end(body);
    }
}
