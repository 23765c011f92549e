package org.microneedling.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-client request budget of the API: a token bucket per authenticated client id. */
@ConfigMapping(prefix = "screening.rate-limit")
interface RateLimitConfig {

    /** Limits each authenticated client; false to switch the limit off (for example in a benchmark). */
    @WithDefault("true")
    boolean enabled();

    /** Sustained requests per second allowed to one client. */
    @WithDefault("50000")
    int requestsPerSecond();

    /** Requests one client may send at once above the sustained rate (the bucket's capacity). */
    @WithDefault("100000")
    int burst();
}
