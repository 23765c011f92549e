package org.microneedling.security;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Staff sign-in (the OIDC extension's default tenant) is off until {@code quarkus.oidc.auth-server-url} names the
 * clinic's identity provider; naming one switches it on, unless {@code quarkus.oidc.tenant-enabled} is set
 * explicitly. Without this the extension refuses to start when no provider is configured, and the embedded default
 * must start on a fresh machine with API keys alone. The sign-in path's code-flow permission follows it, so that
 * without a provider the path answers like any other endpoint without credentials.
 */
@Priority(Priorities.APPLICATION + 100)
public class SignInFollowsProvider implements ConfigSourceInterceptor {

    static final String ENABLED = "quarkus.oidc.tenant-enabled";
    static final String PROVIDER = "quarkus.oidc.auth-server-url";
    static final String SIGN_IN_PERMISSION = "quarkus.http.auth.permission.sign-in.enabled";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        boolean followed = ENABLED.equals(name) || SIGN_IN_PERMISSION.equals(name);
        if (!followed || (value != null && value.getConfigSourceOrdinal() > Integer.MIN_VALUE)) {
            return value;
        }
        ConfigValue provider = context.proceed(PROVIDER);
        boolean configured = provider != null && provider.getValue() != null && !provider.getValue().isBlank();
        return ConfigValue.builder().withName(name).withValue(Boolean.toString(configured))
                .withConfigSourceName("sign-in-follows-provider")
                .withConfigSourceOrdinal(configured ? provider.getConfigSourceOrdinal() : Integer.MIN_VALUE)
                .build();
    }
}
