package org.microneedling.common;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A {@code Location} this service names is {@code screening.public-base-url} plus the path, or the path alone. The
 * REST layer would otherwise make it absolute with the request's {@code Host} header, which the client chooses: a
 * forged Host would put another site's address into an answer a client follows.
 */
class LocationHeaders {

    private final Optional<String> publicBaseUrl;

    LocationHeaders(@ConfigProperty(name = "screening.public-base-url") Optional<URI> publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.map(url -> url.toString().replaceAll("/+$", ""));
    }

    @ServerResponseFilter
    void fromConfigurationNotFromHost(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        String rewritten = rewrite(URI.create(location.toString()), request.getUriInfo().getBaseUri(), publicBaseUrl);
        if (rewritten != null) {
            response.getHeaders().putSingle(HttpHeaders.LOCATION, rewritten);
        }
    }

    /** The Location to send instead, or null to keep it: only an address built from the request's own is replaced. */
    static String rewrite(URI location, URI requestBase, Optional<String> publicBaseUrl) {
        if (!location.isAbsolute() || location.getRawAuthority() == null
                || !location.getRawAuthority().equalsIgnoreCase(requestBase.getRawAuthority())) {
            return null;
        }
        String path = (location.getRawPath() == null || location.getRawPath().isEmpty() ? "/" : location.getRawPath())
                + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
        return publicBaseUrl.map(base -> base + path).orElse(path);
    }
}
