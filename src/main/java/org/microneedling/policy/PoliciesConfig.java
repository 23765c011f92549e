package org.microneedling.policy;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How clinic policies are kept current when several instances share one audit database. */
@ConfigMapping(prefix = "policies")
interface PoliciesConfig {

    /**
     * How often an instance on a shared database reads versions and activations that other instances recorded.
     * Every instance decides under a newly activated version within this interval (the contract allows 10 s).
     */
    @WithDefault("2s")
    Duration refreshInterval();
}
