package org.microneedling.review;

import java.util.Map;

import org.microneedling.TestKeys;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Authentication on, with keys for two clinics: lakeside has a provider, a medical director, an operator and a
 * front desk; harbor a provider and a front desk. An audit journal of its own.
 */
public class ReviewKeysProfile implements QuarkusTestProfile {

    static final String LAKESIDE = "lakeside";
    static final String HARBOR = "harbor";
    static final String LAKESIDE_PROVIDER = "key-lakeside-provider-41d2";
    static final String LAKESIDE_DIRECTOR = "key-lakeside-director-9c07";
    static final String LAKESIDE_ADMIN = "key-lakeside-admin-e5b8";
    static final String LAKESIDE_DESK = "key-lakeside-desk-2a6f";
    static final String HARBOR_PROVIDER = "key-harbor-provider-7f31";
    static final String HARBOR_DESK = "key-harbor-desk-0b9e";

    private static final Map<String, String> OVERRIDES = TestKeys.authenticationWith("review-test",
            new TestKeys.Key("lakeside-provider", "provider", LAKESIDE_PROVIDER, LAKESIDE),
            new TestKeys.Key("lakeside-director", "medical-director", LAKESIDE_DIRECTOR, LAKESIDE),
            new TestKeys.Key("lakeside-admin", "admin", LAKESIDE_ADMIN, LAKESIDE),
            new TestKeys.Key("lakeside-desk", "screening,audit", LAKESIDE_DESK, LAKESIDE),
            new TestKeys.Key("harbor-provider", "provider", HARBOR_PROVIDER, HARBOR),
            new TestKeys.Key("harbor-desk", "screening", HARBOR_DESK, HARBOR));

    @Override
    public Map<String, String> getConfigOverrides() {
        return OVERRIDES;
    }
}
