package org.microneedling.screening;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.microneedling.screening.rules.MedicationCatalogue;
import org.microneedling.screening.rules.Ruleset;

class RulesetProducer {

    /** Built once at start-up: a policy the rules reject stops the service before it answers anyone. */
    @Produces
    @Singleton
    Ruleset ruleset(PolicyConfig policy) {
        return Ruleset.create(policy.toPolicy(), MedicationCatalogue.load());
    }
}
