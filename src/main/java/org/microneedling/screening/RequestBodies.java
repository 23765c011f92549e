package org.microneedling.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

import org.microneedling.common.Messages;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;

/** Transport checks on request bodies: the media type and the size limits of the contract. */
@ApplicationScoped
public class RequestBodies {

    private final ScreeningConfig config;

    RequestBodies(ScreeningConfig config) {
        this.config = config;
    }

    int maxBatchBytes() {
        return config.batch().maxBodyBytes();
    }

    /** Refuses a body that is not declared as JSON (415). */
    public void requireJson(String contentType, Messages messages) {
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

    /** Refuses a body of one questionnaire that is over the limit (413). */
    public void requireSingleSize(byte[] body, Messages messages) {
        requireAtMost(body, config.maxBodyBytes(), messages);
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
