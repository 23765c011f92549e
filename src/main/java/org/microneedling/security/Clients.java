package org.microneedling.security;

import io.quarkus.security.identity.SecurityIdentity;

/** The client id recorded with a decision: the API key's client, or the JWT's principal ({@code upn}, else {@code sub}). */
public final class Clients {

    private Clients() {
    }

    /** The authenticated client's id, or {@code null} for an anonymous call (possible only while authentication is off). */
    public static String id(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
            return null;
        }
        return identity.getPrincipal().getName();
    }
}
