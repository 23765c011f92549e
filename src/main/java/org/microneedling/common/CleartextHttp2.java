package org.microneedling.common;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP/2 without TLS (h2c) is off unless {@code screening.http.cleartext-http2} switches it on; over TLS, HTTP/2 is
 * offered as usual. Clinic systems and proxies reach the service over HTTP/1.1 or over TLS, so h2c buys nothing,
 * while its one common client, the JDK's own before Java 21, fails every request still open on a connection when the
 * server says GOAWAY, including one already recorded: the way a draining instance closes HTTP/2 connections
 * ({@link ProblemWriter#closeConnectionAfter}) would then cost that client an answer.
 */
@ApplicationScoped
class CleartextHttp2 implements HttpServerOptionsCustomizer {

    private final boolean enabled;

    CleartextHttp2(@ConfigProperty(name = "screening.http.cleartext-http2", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(enabled);
    }
}
