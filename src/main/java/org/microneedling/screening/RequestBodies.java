package org.microneedling.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

import org.microneedling.common.Messages;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;
import org.microneedling.fhir.FhirMediaTypes;

/** Transport checks on request bodies: the media type and the size limits of the contract. */
@ApplicationScoped
class RequestBodies {

    private final ScreeningConfig config;

    RequestBodies(ScreeningConfig config) {
        this.config = config;
    }

    int maxSingleBytes() {
        return config.maxBodyBytes();
    }

    int maxBatchBytes() {
        return config.batch().maxBodyBytes();
    }

    /**
     * Accepts JSON or FHIR JSON ({@code application/fhir+json}, or the older {@code application/json+fhir});
     * answers whether the body is FHIR.
     */
    boolean requireJsonOrFhirJson(String contentType, Messages messages) {
        if (contentType != null && !contentType.isBlank()) {
            try {
                if (FhirMediaTypes.isFhirJson(MediaType.valueOf(contentType))) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // reported as unsupported below
            }
        }
        requireJson(contentType, messages);
        return false;
    }

    void requireJson(String contentType, Messages messages) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported(messages.get("problem.missingMediaType"));
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw unsupported(messages.get("problem.unsupportedMediaType", "?"));
        }
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardType() || type.isWildcardSubtype()) {
            throw unsupported(messages.get("problem.unsupportedMediaType", type.getType() + "/" + type.getSubtype()));
        }
    }

    void requireAtMost(byte[] body, int limit, Messages messages) {
        if (body != null && body.length > limit) {
            throw new ProblemException(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    messages.get("problem.tooLarge", String.valueOf(body.length), String.valueOf(limit))));
        }
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail));
    }
}
