package org.microneedling.openapi;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * The HTTP client under the generated Java client: it hands every answer on unchanged, after checking it against
 * the schema the committed document declares for its operation, status and media type. What does not conform is
 * kept in {@link #violations()}.
 */
final class CheckedHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final DeclaredSchemas schemas;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<String> answered = new CopyOnWriteArrayList<>();

    CheckedHttpClient(HttpClient delegate, DeclaredSchemas schemas) {
        this.delegate = delegate;
        this.schemas = schemas;
    }

    List<String> violations() {
        return violations;
    }

    /** "METHOD /path/template status" of every answer checked. */
    List<String> answered() {
        return answered;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> raw = delegate.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(raw.body(), StandardCharsets.UTF_8);
        String path = request.uri().getRawPath();
        answered.add(request.method() + " " + schemas.template(path) + " " + raw.statusCode());
        violations.addAll(schemas.answerViolations(request.method(), path, raw.statusCode(),
                raw.headers().firstValue("Content-Type").orElse(null), body));
        if (raw.statusCode() == 401 && raw.headers().firstValue("WWW-Authenticate").isEmpty()) {
            violations.add(request.method() + " " + path + " 401 without WWW-Authenticate");
        }
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return raw.statusCode();
            }

            @Override
            public HttpHeaders headers() {
                return raw.headers();
            }

            @Override
            public Version version() {
                return raw.version();
            }
        });
        subscriber.onSubscribe(new java.util.concurrent.Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        subscriber.onNext(List.of(ByteBuffer.wrap(raw.body())));
        subscriber.onComplete();
        T converted = subscriber.getBody().toCompletableFuture().join();
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return raw.statusCode();
            }

            @Override
            public HttpRequest request() {
                return raw.request();
            }

            @Override
            public Optional<HttpResponse<T>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return raw.headers();
            }

            @Override
            public T body() {
                return converted;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return raw.sslSession();
            }

            @Override
            public URI uri() {
                return raw.uri();
            }

            @Override
            public Version version() {
                return raw.version();
            }
        };
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        throw new UnsupportedOperationException("the generated native client calls send");
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        throw new UnsupportedOperationException("the generated native client calls send");
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
