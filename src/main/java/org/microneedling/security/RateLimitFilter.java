package org.microneedling.security;

import java.util.Map;
import java.util.OptionalLong;

import jakarta.ws.rs.container.ContainerRequestContext;

import io.quarkus.security.identity.SecurityIdentity;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.microneedling.common.Messages;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;
import org.microneedling.common.ProblemWriter;

/** Answers 429 with {@code Retry-After} when an authenticated client exceeds its request budget. */
class RateLimitFilter {

    private final RateLimiter limiter;
    private final SecurityIdentity identity;

    RateLimitFilter(RateLimiter limiter, SecurityIdentity identity) {
        this.limiter = limiter;
        this.identity = identity;
    }

    @ServerRequestFilter
    void limit(ContainerRequestContext request) {
        OptionalLong retryAfter = limiter.acquire(Clients.id(identity));
        if (retryAfter.isPresent()) {
            String seconds = String.valueOf(retryAfter.getAsLong());
            Messages messages = Messages.forLanguages(request::getAcceptableLanguages);
            throw new ProblemException(ProblemWriter.problem(ProblemType.TOO_MANY_REQUESTS, messages,
                    "problem.tooManyRequests", seconds), Map.of("Retry-After", seconds));
        }
    }
}
