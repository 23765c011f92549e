package org.microneedling.screening;

import org.microneedling.screening.rules.Ruleset;

/**
 * One version of a clinic's policy, ready to decide: its ruleset, built once, and the identity every result
 * under it reports.
 */
public record PolicyInForce(String clinicId, int version, Ruleset ruleset, ScreeningResult.RulesetIdentity identity) {

    public static PolicyInForce of(String clinicId, int version, Ruleset ruleset) {
        return new PolicyInForce(clinicId, version, ruleset, new ScreeningResult.RulesetIdentity(Ruleset.NAME,
                Ruleset.VERSION, ruleset.digest(), new ScreeningResult.PolicyRef(clinicId, version)));
    }
}
