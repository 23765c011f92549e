package org.microneedling.screening.rules;

/** Screening outcomes, declared from least to most severe. */
public enum Outcome {
    ELIGIBLE,
    REFER_TO_PROVIDER,
    INELIGIBLE;

    public boolean isMoreSevereThan(Outcome other) {
        return compareTo(other) > 0;
    }

    public static Outcome mostSevere(Outcome a, Outcome b) {
        return a.isMoreSevereThan(b) ? a : b;
    }
}
