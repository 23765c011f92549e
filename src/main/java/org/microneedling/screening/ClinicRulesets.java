package org.microneedling.screening;

/**
 * The ruleset each clinic decides under: the version of its policy in force now. Looked up on every screening, so
 * an implementation answers from what it has already built.
 */
public interface ClinicRulesets {

    /**
     * The clinic's policy in force at this moment.
     *
     * @throws org.microneedling.common.ProblemException 503 while the clinic's policies cannot be known yet
     */
    PolicyInForce inForce(String clinicId);
}
