package org.microneedling.common;

import java.util.Locale;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A problem+json answer from a route handler that runs before the REST layer (and its exception mappers), in the
 * caller's language. The connection is closed after it: these answers refuse a request whose body was not read.
 */
final class RouteProblem {

    private RouteProblem() {
    }

    static void send(RoutingContext context, ProblemType type, String detailKey) {
        Messages messages = Messages.of(Messages.negotiate(context.acceptableLanguages().stream()
                .map(language -> Locale.forLanguageTag(language.value())).toList()));
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
