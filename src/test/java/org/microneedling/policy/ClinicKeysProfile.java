package org.microneedling.policy;

import java.util.Map;

import org.microneedling.TestKeys;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Authentication on, with keys for two clinics, each with a medical director, an operator and a front desk, and an
 * audit journal of its own: what one test activates stays with it.
 */
public class ClinicKeysProfile implements QuarkusTestProfile {

    static final String LAKESIDE = "lakeside";
    static final String HARBOR = "harbor";
    static final String LAKESIDE_DIRECTOR = "key-lakeside-director-3b9d";
    static final String LAKESIDE_ADMIN = "key-lakeside-admin-77c1";
    static final String LAKESIDE_DESK = "key-lakeside-desk-19aa";
    static final String HARBOR_DIRECTOR = "key-harbor-director-5e20";
    static final String HARBOR_DESK = "key-harbor-desk-c4f8";

    private static final Map<String, String> OVERRIDES = TestKeys.authenticationWith("policy-test",
            new TestKeys.Key("lakeside-director", "medical-director", LAKESIDE_DIRECTOR, LAKESIDE),
            new TestKeys.Key("lakeside-admin", "admin", LAKESIDE_ADMIN, LAKESIDE),
            new TestKeys.Key("lakeside-desk", "screening", LAKESIDE_DESK, LAKESIDE),
            new TestKeys.Key("harbor-director", "medical-director", HARBOR_DIRECTOR, HARBOR),
            new TestKeys.Key("harbor-desk", "screening,audit", HARBOR_DESK, HARBOR));

    @Override
    public Map<String, String> getConfigOverrides() {
        return OVERRIDES;
    }
}
