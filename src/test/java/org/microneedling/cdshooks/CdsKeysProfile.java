package org.microneedling.cdshooks;

import java.util.Map;

import org.microneedling.TestKeys;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Authentication on, with keys for two clinics: an EHR's key (screening, audit) and a provider in each, and an
 * operator in lakeside. An audit journal of its own.
 */
public class CdsKeysProfile implements QuarkusTestProfile {

    static final String LAKESIDE_EHR = "key-cds-lakeside-ehr-5c1e";
    static final String LAKESIDE_PROVIDER = "key-cds-lakeside-provider-80aa";
    static final String LAKESIDE_ADMIN = "key-cds-lakeside-admin-33f0";
    static final String HARBOR_EHR = "key-cds-harbor-ehr-d47b";

    private static final Map<String, String> OVERRIDES = TestKeys.authenticationWith("cds-test",
            new TestKeys.Key("lakeside-ehr", "screening,audit", LAKESIDE_EHR, "lakeside"),
            new TestKeys.Key("lakeside-provider", "provider", LAKESIDE_PROVIDER, "lakeside"),
            new TestKeys.Key("lakeside-admin", "admin", LAKESIDE_ADMIN, "lakeside"),
            new TestKeys.Key("harbor-ehr", "screening,audit", HARBOR_EHR, "harbor"));

    @Override
    public Map<String, String> getConfigOverrides() {
        return OVERRIDES;
    }
}
