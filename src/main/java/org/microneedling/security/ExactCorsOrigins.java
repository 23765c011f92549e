package org.microneedling.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start unless every CORS origin is an exact {@code scheme://host[:port]}. Quarkus reads {@code /.../} as
 * a regular expression, where an unescaped dot admits look-alike sites ({@code https://frontdesk-clinic.example}
 * passes {@code /https://frontdesk.clinic.example/}) with credentials; listing each origin costs nothing.
 */
@ApplicationScoped
class ExactCorsOrigins {

    private final Optional<List<String>> origins;

    ExactCorsOrigins(@ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.origins = origins;
    }

    void check(@Observes StartupEvent event) {
        List<String> inexact = inexact(origins.orElse(List.of()));
        if (!inexact.isEmpty()) {
            throw new IllegalStateException("quarkus.http.cors.origins must list exact origins such as "
                    + "https://frontdesk.clinic.example (scheme, host and port only; no regular expression, no "
                    + "wildcard, no path): " + inexact + " refused");
        }
    }

    /** The origins that are not one exact {@code http(s)://host[:port]}. */
    static List<String> inexact(List<String> origins) {
        return origins.stream().map(String::strip).filter(origin -> !isExact(origin)).toList();
    }

    private static boolean isExact(String origin) {
        if (origin.startsWith("/") || origin.contains("*") || origin.contains("\\")) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getHost().matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
