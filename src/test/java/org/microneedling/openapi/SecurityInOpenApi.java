package org.microneedling.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * States how a client authenticates: either an API key in X-API-Key or a JWT bearer token, on every operation that
 * needs credentials, with the roles it needs both listed in the requirement and said in words (either credential
 * carries roles: the key's line in the keys file, the token's groups claim). Operations open to anyone say so with an
 * empty requirement. The servers entry is screening.openapi.server-url; the service puts the deployment's value in
 * the document it serves ({@link ServedApiDocument}), so a deployment can name its public address without a rebuild.
 */
@OpenApiFilter(priority = 90)
public class SecurityInOpenApi implements OASFilter {

    static final String API_KEY = "ApiKey";
    static final String BEARER = "BearerJwt";
    static final String SERVER_URL_PROPERTY = "screening.openapi.server-url";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().setSecuritySchemes(null);
        openAPI.getComponents().addSecurityScheme(API_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("An API key issued to one client, with its roles and clinic (docs/security.md)."));
        openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A JWT from the clinic's identity provider; its groups claim holds the roles. "
                        + "Accepted once the service is given the provider's public key (docs/security.md)."));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(path -> {
                if (path.getOperations() != null) {
                    path.getOperations().values().forEach(SecurityInOpenApi::restate);
                }
            });
        }
        String url = ConfigProvider.getConfig().getOptionalValue(SERVER_URL_PROPERTY, String.class).orElse("/");
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url(url)
                .description("This service (" + SERVER_URL_PROPERTY + ")"))));
    }

    private static void restate(Operation operation) {
        List<SecurityRequirement> declared = operation.getSecurity();
        if (declared == null || declared.isEmpty()) {
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
            appendDescription(operation, "Open to anyone: no credentials needed.");
            return;
        }
        Set<String> roles = new LinkedHashSet<>();
        declared.forEach(requirement -> requirement.getSchemes().values().forEach(roles::addAll));
        operation.setSecurity(new ArrayList<>(List.of(
                OASFactory.createSecurityRequirement().addScheme(API_KEY, new ArrayList<>(roles)),
                OASFactory.createSecurityRequirement().addScheme(BEARER, new ArrayList<>(roles)))));
        appendDescription(operation, roles.isEmpty()
                ? "Needs credentials (an API key or a bearer token), with any role."
                : "Needs credentials (an API key or a bearer token) with the role " + String.join(" or ", roles) + ".");
    }

    private static void appendDescription(Operation operation, String sentence) {
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? sentence
                : description.strip() + "\n\n" + sentence);
    }
}
