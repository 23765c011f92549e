package org.microneedling.security;

import java.util.Set;

/** The roles a client can hold, in API keys and in the {@code groups} claim of a JWT. */
public final class Roles {

    /** Screen questionnaires and read the questionnaire and rule catalogue. */
    public static final String SCREENING = "screening";
    /** Read back audited decisions and verify the audit chain. */
    public static final String AUDIT = "audit";
    /** Operator: every API operation within its own clinic, except activating a policy and reviewing. */
    public static final String ADMIN = "admin";
    /** Clinician: reads the review queue and records reviews. */
    public static final String PROVIDER = "provider";
    /** The clinic's medical director: everything a provider may do, and activates policies. */
    public static final String MEDICAL_DIRECTOR = "medical-director";

    static final Set<String> ALL = Set.of(SCREENING, AUDIT, ADMIN, PROVIDER, MEDICAL_DIRECTOR);

    private Roles() {
    }
}
