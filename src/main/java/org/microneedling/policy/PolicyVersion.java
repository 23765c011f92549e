package org.microneedling.policy;

import java.time.Instant;

import org.microneedling.screening.PolicyInForce;
import org.microneedling.screening.rules.Policy;

/**
 * One version of a clinic's policy as it was created: it never changes afterwards, only its status does (which
 * {@link ClinicPolicies} works out from the activations). Its ruleset is built once, when the version is.
 *
 * @param createdBy the person's id; null for version 0, the service's configuration
 * @param createdByName the person's display name; null for version 0 and for versions recorded before names were
 */
record PolicyVersion(int version, Policy policy, PolicyInForce ready, String note, String createdBy,
        String createdByName, Instant createdAt) {

    String clinicId() {
        return ready.clinicId();
    }

    String digest() {
        return ready.ruleset().digest();
    }
}
