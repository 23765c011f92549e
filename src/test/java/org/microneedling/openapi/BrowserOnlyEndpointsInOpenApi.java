package org.microneedling.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Leaves the staff sign-in and sign-out redirects (/auth/*) out of the document: a browser follows them to the
 * identity provider and back with a session cookie, and no generated client can call them (docs/api.md).
 */
@OpenApiFilter(priority = 100)
public class BrowserOnlyEndpointsInOpenApi implements OASFilter {

    static final String BROWSER_ONLY_PREFIX = "/auth/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().keySet().stream().filter(path -> path.startsWith(BROWSER_ONLY_PREFIX))
                    .toList().forEach(path -> openAPI.getPaths().removePathItem(path));
        }
    }
}
