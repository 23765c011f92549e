package org.microneedling.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the API document at /q/openapi (and /q/openapi.json, .yaml, .yml) from the committed copy, with
 * screening.openapi.server-url as its servers entry: JSON when the path, {@code format=json} or the Accept header
 * asks for it, YAML otherwise, as SmallRye serves it. The two renditions are written on the first request that needs
 * the document, so a start pays nothing for it (the reason this replaces SmallRye at run time: docs/adr/0011).
 */
@ApplicationScoped
class ServedApiDocument {

    static final String PATH = "/q/openapi";
    static final String RESOURCE = "/openapi/openapi.json";
    static final String JSON_TYPE = "application/json;charset=UTF-8";
    static final String YAML_TYPE = "application/yaml;charset=UTF-8";

    private final String serverUrl;
    private volatile Renditions renditions;

    ServedApiDocument(@ConfigProperty(name = "screening.openapi.server-url", defaultValue = "/") String serverUrl) {
        this.serverUrl = serverUrl;
    }

    void install(@Observes Router router) {
        for (String suffix : List.of("", ".json", ".yaml", ".yml")) {
            router.get(PATH + suffix).handler(this::serve);
            router.head(PATH + suffix).handler(this::serve);
        }
    }

    private void serve(RoutingContext context) {
        boolean json = wantsJson(context.normalizedPath(), context.queryParams().get("format"),
                context.request().getHeader(HttpHeaders.ACCEPT));
        Renditions document = renditions();
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, json ? JSON_TYPE : YAML_TYPE)
                .end(Buffer.buffer(json ? document.json() : document.yaml()));
    }

    /** SmallRye's choice of format: the path's extension, then the format parameter, then the Accept header. */
    static boolean wantsJson(String path, String format, String accept) {
        if (path.endsWith(".json")) {
            return true;
        }
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            return false;
        }
        if (format != null) {
            return "json".equals(format.toLowerCase(Locale.ROOT));
        }
        return accept != null && accept.contains("application/json");
    }

    private Renditions renditions() {
        Renditions written = renditions;
        if (written == null) {
            synchronized (this) {
                written = renditions;
                if (written == null) {
                    written = Renditions.of(committed(), serverUrl);
                    renditions = written;
                }
            }
        }
        return written;
    }

    private static byte[] committed() {
        try (InputStream in = ServedApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The API document " + RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document in both formats, with the deployment's address. */
    record Renditions(byte[] json, byte[] yaml) {

        static Renditions of(byte[] committed, String serverUrl) {
            ObjectMapper json = new ObjectMapper();
            try {
                ObjectNode document = (ObjectNode) json.readTree(committed);
                JsonNode servers = document.path("servers");
                ObjectNode server = servers.isArray() && servers.size() > 0 && servers.get(0).isObject()
                        ? (ObjectNode) servers.get(0)
                        : document.putArray("servers").addObject();
                server.put("url", serverUrl);
                ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                        .build());
                return new Renditions(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document),
                        yaml.writeValueAsBytes(document));
            } catch (IOException e) {
                throw new UncheckedIOException("The committed API document could not be read", e);
            }
        }
    }
}
