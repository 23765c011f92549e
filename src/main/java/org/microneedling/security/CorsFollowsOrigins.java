package org.microneedling.security;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * CORS is off (no filter, so browsers keep their same-origin rule) until {@code quarkus.http.cors.origins} lists an
 * origin; listing one switches the filter on, unless {@code quarkus.http.cors.enabled} is set explicitly.
 */
@Priority(Priorities.APPLICATION + 100)
public class CorsFollowsOrigins implements ConfigSourceInterceptor {

    static final String ENABLED = "quarkus.http.cors.enabled";
    static final String ORIGINS = "quarkus.http.cors.origins";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!ENABLED.equals(name) || (value != null && value.getConfigSourceOrdinal() > Integer.MIN_VALUE)) {
            return value;
        }
        ConfigValue origins = context.proceed(ORIGINS);
        if (origins == null || origins.getValue() == null || origins.getValue().isBlank()) {
            return value;
        }
        return ConfigValue.builder().withName(ENABLED).withValue("true")
                .withConfigSourceName("cors-follows-origins").withConfigSourceOrdinal(origins.getConfigSourceOrdinal())
                .build();
    }
}
