package org.microneedling.screening;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The warm-up of the request path before readiness reports UP ({@link WarmUp}). */
@ConfigMapping(prefix = "screening.warm-up")
public interface WarmUpConfig {

    /** Whether synthetic screenings run at start-up; without them readiness is UP as soon as the audit is. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The longest the warm-up runs. Start-up takes about 1.5 s on two cores and readiness must be UP within 5 s of
     * launch, so the default leaves room for a slower machine.
     */
    @WithDefault("2s")
    Duration duration();

    /**
     * The warm-up ends at the latest this long after the process was launched, whatever is left of its duration: on a
     * slow start readiness still reports UP within 5 s of launch.
     */
    @WithDefault("4500ms")
    Duration latestAfterLaunch();

    /**
     * Connections the warm-up sends its screenings on through the HTTP layer, one request in flight on each: as many
     * as the clients a busy instance serves at once, so that the event loops and the audit writer are compiled for
     * that load.
     */
    @WithDefault("32")
    int httpConnections();
}
