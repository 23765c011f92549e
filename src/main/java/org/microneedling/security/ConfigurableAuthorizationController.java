package org.microneedling.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

import io.quarkus.security.spi.runtime.AuthorizationController;

/** Lets {@code screening.auth.enabled=false} switch off every role check at run time, for local development. */
@Alternative
@Priority(Interceptor.Priority.LIBRARY_AFTER)
@ApplicationScoped
class ConfigurableAuthorizationController extends AuthorizationController {

    private final boolean enabled;

    ConfigurableAuthorizationController(AuthConfig config) {
        this.enabled = config.enabled();
    }

    @Override
    public boolean isAuthorizationEnabled() {
        return enabled;
    }
}
