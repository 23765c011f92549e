package org.microneedling.common;

/**
 * The kinds of problem this service answers with. The URIs are stable identifiers that clients may
 * switch on; they are not meant to be dereferenced.
 */
public enum ProblemType {
    INVALID_INPUT("invalid-input", "Invalid input", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    SESSION_EXPIRED("session-expired", "Session expired", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    INTERNAL_ERROR("internal-error", "Internal error", 500),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503);

    private static final String BASE = "urn:microneedling-screening:problem:";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return BASE + slug;
    }

    /** The English title; {@link #title(Messages)} gives it in the client's language. */
    public String title() {
        return title;
    }

    public String title(Messages messages) {
        return messages.get("problemTitle." + slug);
    }

    static ProblemType forUri(String uri) {
        for (ProblemType type : values()) {
            if (type.uri().equals(uri)) {
                return type;
            }
        }
        return null;
    }

    public int status() {
        return status;
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != INVALID_INPUT) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_INPUT;
    }
}
