package org.microneedling.security;

import java.util.Set;

/** The roles a client can hold, in API keys and in the {@code groups} claim of a JWT. */
public final class Roles {

    /** Screen questionnaires and read the questionnaire and rule catalogue. */
    public static final String SCREENING = "screening";
    /** Read back audited decisions and verify the audit chain. */
    public static final String AUDIT = "audit";
    /** Operator: every API operation. */
    public static final String ADMIN = "admin";

    static final Set<String> ALL = Set.of(SCREENING, AUDIT, ADMIN);

    private Roles() {
    }
}
