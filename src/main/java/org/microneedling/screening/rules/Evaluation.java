package org.microneedling.screening.rules;

/** What one rule concluded about one intake. */
public record Evaluation(Status status, Finding finding) {

    public enum Status {
        /** The rule read its answers and found nothing. */
        CLEAR,
        /** An optional answer the rule needs was not given. */
        NOT_ASSESSED,
        /** The rule reports a reason. */
        FIRED
    }

    public static final Evaluation CLEAR = new Evaluation(Status.CLEAR, null);
    public static final Evaluation NOT_ASSESSED = new Evaluation(Status.NOT_ASSESSED, null);

    public static Evaluation fired(Finding finding) {
        return new Evaluation(Status.FIRED, finding);
    }

    public boolean fired() {
        return status == Status.FIRED;
    }
}
