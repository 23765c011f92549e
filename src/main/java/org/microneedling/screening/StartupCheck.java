package org.microneedling.screening;

import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

import org.jboss.logging.Logger;
import org.microneedling.screening.rules.Ruleset;

class StartupCheck {

    private static final Logger LOG = Logger.getLogger(StartupCheck.class);

    /** Builds the ruleset at start-up, so that an invalid policy stops the service before it answers. */
    void onStart(@Observes StartupEvent event, Ruleset ruleset, DecisionRenderer renderer) {
        LOG.infof("Ruleset %s %s loaded: %d rules, %d advisories, digest %s", Ruleset.NAME, Ruleset.VERSION,
                ruleset.rules().size(), ruleset.advisories().size(), ruleset.digest());
    }
}
