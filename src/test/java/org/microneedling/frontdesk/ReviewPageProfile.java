package org.microneedling.frontdesk;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Authentication on with API keys, a clinic of its own for each review test so that one test's referrals never sit
 * in another's queue, and an audit store in memory.
 */
public class ReviewPageProfile implements QuarkusTestProfile {

    /** Referrals reviewed in Spanish; the provider's key may not screen, so the queue is the whole page. */
    static final String SPANISH_PROVIDER_KEY = "test-review-es-provider-key-41d7";
    static final String SPANISH_RECEPTION_KEY = "test-review-es-reception-key-0b2e";
    /** Referrals reviewed with the keyboard alone, by a provider who screens too. */
    static final String KEYBOARD_PROVIDER_KEY = "test-review-kb-provider-key-7c1a";
    static final String KEYBOARD_RECEPTION_KEY = "test-review-kb-reception-key-5e90";
    /** Referrals whose review the service refuses, and the accessibility checks. */
    static final String CHECKED_PROVIDER_KEY = "test-review-ck-provider-key-93f4";
    static final String CHECKED_RECEPTION_KEY = "test-review-ck-reception-key-2a6b";

    static final Path KEY_FILE = PolicyPageProfile.writeKeyFile("frontdesk-review-test", List.of(
            PolicyPageProfile.line("es-provider", "provider", SPANISH_PROVIDER_KEY, "review-es"),
            PolicyPageProfile.line("es-reception", "screening", SPANISH_RECEPTION_KEY, "review-es"),
            PolicyPageProfile.line("kb-provider", "provider,screening", KEYBOARD_PROVIDER_KEY, "review-kb"),
            PolicyPageProfile.line("kb-reception", "screening", KEYBOARD_RECEPTION_KEY, "review-kb"),
            PolicyPageProfile.line("ck-provider", "provider,screening", CHECKED_PROVIDER_KEY, "review-ck"),
            PolicyPageProfile.line("ck-reception", "screening", CHECKED_RECEPTION_KEY, "review-ck")));

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "screening.auth.enabled", "true",
                "screening.auth.api-keys-file", KEY_FILE.toString(),
                "audit.db.url", "jdbc:h2:mem:frontdesk-review-test");
    }
}
