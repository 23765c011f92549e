package org.microneedling.screening.rules;

/**
 * Which wording of a code's message fits what the rule saw: the message key is
 * {@code reason.<CODE>} followed by the suffix.
 */
public enum MessageVariant {
    /** The plain message: the answer or finding is confirmed. */
    PLAIN(""),
    /** The answer is UNKNOWN, so the message asks a provider to clarify it. */
    UNKNOWN(".unknown"),
    /** The evidence only suggests the reason (aspirin, a missing date), so the message refers to a provider. */
    REFER(".refer");

    private final String suffix;

    MessageVariant(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }
}
