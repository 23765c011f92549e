package org.microneedling.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code WWW-Authenticate} value of a 401: the schemes a client may use, bearer only when JWT is configured. */
@ApplicationScoped
class Challenges {

    static final String REALM = "microneedling-screening";

    private final String header;

    Challenges(@ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> publicKeyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> publicKey) {
        String apiKey = "ApiKey realm=\"" + REALM + "\", header=\"" + ApiKeyAuthenticationMechanism.HEADER + "\"";
        boolean jwt = publicKeyLocation.isPresent() || publicKey.isPresent();
        this.header = jwt ? apiKey + ", Bearer realm=\"" + REALM + "\"" : apiKey;
    }

    String header() {
        return header;
    }

    boolean jwtConfigured() {
        return header.contains("Bearer");
    }
}
