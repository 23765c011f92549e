package org.microneedling.cdshooks;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cds-hooks")
public interface CdsHooksConfig {

    /** Absolute URL of the front-desk page that completes an intake; by default this service's own /. */
    Optional<String> frontDeskUrl();

    /** Absolute URL a card's source links to; by default this service's rule catalogue, /api/v1/rules. */
    Optional<String> sourceUrl();

    /** The code system of the override reasons a referral card offers and feedback may name. */
    @WithDefault(OverrideReason.DEFAULT_SYSTEM)
    String overrideReasonSystem();
}
