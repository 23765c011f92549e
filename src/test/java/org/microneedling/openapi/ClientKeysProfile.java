package org.microneedling.openapi;

import java.util.HashMap;
import java.util.Map;

import org.microneedling.TestKeys;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Authentication on, with one key per role of one clinic, an audit journal of its own, and the public address a
 * deployment names in its API document.
 */
public class ClientKeysProfile implements QuarkusTestProfile {

    static final String DESK = "key-client-desk-5e21";
    static final String PROVIDER = "key-client-provider-0c4b";
    static final String ADMIN = "key-client-admin-93fa";
    static final String DIRECTOR = "key-client-director-77d0";

    static final String SERVER_URL = "https://screening.clinic.example";

    private static final Map<String, String> OVERRIDES = TestKeys.authenticationWith("client-test",
            new TestKeys.Key("client-desk", "screening,audit", DESK, "riverside"),
            new TestKeys.Key("client-provider", "provider", PROVIDER, "riverside"),
            new TestKeys.Key("client-admin", "admin", ADMIN, "riverside"),
            new TestKeys.Key("client-director", "medical-director", DIRECTOR, "riverside"));

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(OVERRIDES);
        overrides.put("screening.openapi.server-url", SERVER_URL);
        return overrides;
    }
}
