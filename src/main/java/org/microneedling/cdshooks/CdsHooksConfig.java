package org.microneedling.cdshooks;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "cds-hooks")
public interface CdsHooksConfig {

    /** Absolute URL of the front-desk page that completes an intake; by default this service's own /. */
    Optional<String> frontDeskUrl();

    /** Absolute URL a card's source links to; by default this service's rule catalogue, /api/v1/rules. */
    Optional<String> sourceUrl();
}
