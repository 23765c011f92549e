package org.microneedling.screening.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * A clinic's screening policy: the thresholds and the per-code outcomes the rules apply. The
 * shipped defaults are the values of the v1 contract; operators override them in configuration,
 * and every change shows in the ruleset digest.
 *
 * @param outcomes outcome overrides by reason code; a code not listed keeps its rule's default
 * @param screeningValidityDays days after {@code asOf} that an ELIGIBLE result may be booked on
 * @param clearanceMaxDays the longest a provider's clearance may last, counted from the screening's {@code asOf}
 */
public record Policy(
        int minimumAge,
        int typicalAge,
        int radiationWindowMonths,
        int sessionIntervalDays,
        int isotretinoinWindowMonths,
        int pigmentationRiskMinimumType,
        BigDecimal evaluatedNeedleDepthMm,
        Outcome aspirinOutcome,
        Map<String, Outcome> outcomes,
        int screeningValidityDays,
        int clearanceMaxDays) {

    public static final int DEFAULT_MINIMUM_AGE = 18;
    public static final int DEFAULT_TYPICAL_AGE = 22;
    public static final int DEFAULT_RADIATION_WINDOW_MONTHS = 12;
    public static final int DEFAULT_SESSION_INTERVAL_DAYS = 28;
    public static final int DEFAULT_ISOTRETINOIN_WINDOW_MONTHS = 6;
    public static final int DEFAULT_PIGMENTATION_RISK_MINIMUM_TYPE = 4;
    public static final BigDecimal DEFAULT_EVALUATED_NEEDLE_DEPTH_MM = new BigDecimal("1.5");
    public static final Outcome DEFAULT_ASPIRIN_OUTCOME = Outcome.REFER_TO_PROVIDER;
    public static final int DEFAULT_SCREENING_VALIDITY_DAYS = 30;
    public static final int DEFAULT_CLEARANCE_MAX_DAYS = 365;

    public Policy {
        requireRange("minimumAge", minimumAge, 0, 120);
        requireRange("typicalAge", typicalAge, 0, 120);
        requireRange("radiationWindowMonths", radiationWindowMonths, 0, 1200);
        requireRange("sessionIntervalDays", sessionIntervalDays, 0, 3650);
        requireRange("isotretinoinWindowMonths", isotretinoinWindowMonths, 0, 1200);
        requireRange("pigmentationRiskMinimumType", pigmentationRiskMinimumType, 1, 7);
        if (evaluatedNeedleDepthMm == null || evaluatedNeedleDepthMm.signum() < 0) {
            throw new IllegalArgumentException("evaluatedNeedleDepthMm must be a non-negative number");
        }
        // 1.5 and 1.50 are the same policy and must give the same ruleset digest.
        evaluatedNeedleDepthMm = new BigDecimal(evaluatedNeedleDepthMm.stripTrailingZeros().toPlainString());
        requireReasonOutcome("aspirinOutcome", aspirinOutcome);
        outcomes = new TreeMap<>(outcomes == null ? Map.of() : outcomes);
        outcomes.forEach((code, outcome) -> requireReasonOutcome("outcomes." + code, outcome));
        outcomes = Map.copyOf(outcomes);
        requireRange("screeningValidityDays", screeningValidityDays, 1, 3650);
        requireRange("clearanceMaxDays", clearanceMaxDays, 1, 3650);
    }

    /** A policy with the shipped validity and clearance limits. */
    public Policy(int minimumAge, int typicalAge, int radiationWindowMonths, int sessionIntervalDays,
            int isotretinoinWindowMonths, int pigmentationRiskMinimumType, BigDecimal evaluatedNeedleDepthMm,
            Outcome aspirinOutcome, Map<String, Outcome> outcomes) {
        this(minimumAge, typicalAge, radiationWindowMonths, sessionIntervalDays, isotretinoinWindowMonths,
                pigmentationRiskMinimumType, evaluatedNeedleDepthMm, aspirinOutcome, outcomes,
                DEFAULT_SCREENING_VALIDITY_DAYS, DEFAULT_CLEARANCE_MAX_DAYS);
    }

    public static Policy defaults() {
        return new Policy(DEFAULT_MINIMUM_AGE, DEFAULT_TYPICAL_AGE, DEFAULT_RADIATION_WINDOW_MONTHS,
                DEFAULT_SESSION_INTERVAL_DAYS, DEFAULT_ISOTRETINOIN_WINDOW_MONTHS,
                DEFAULT_PIGMENTATION_RISK_MINIMUM_TYPE, DEFAULT_EVALUATED_NEEDLE_DEPTH_MM,
                DEFAULT_ASPIRIN_OUTCOME, Map.of());
    }

    /** The outcome a rule reports when its triggering answer is YES. */
    public Outcome outcomeFor(String code, Outcome shippedDefault) {
        return outcomes.getOrDefault(code, shippedDefault);
    }

    public Policy withOutcome(String code, Outcome outcome) {
        Map<String, Outcome> changed = new TreeMap<>(outcomes);
        changed.put(code, outcome);
        return withOutcomes(changed);
    }

    /** This policy with exactly these outcome overrides. */
    public Policy withOutcomes(Map<String, Outcome> overrides) {
        return new Policy(minimumAge, typicalAge, radiationWindowMonths, sessionIntervalDays,
                isotretinoinWindowMonths, pigmentationRiskMinimumType, evaluatedNeedleDepthMm, aspirinOutcome,
                overrides, screeningValidityDays, clearanceMaxDays);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    // A reason that reports ELIGIBLE would break "ELIGIBLE exactly when there are no reasons".
    private static void requireReasonOutcome(String name, Outcome outcome) {
        if (outcome == null || outcome == Outcome.ELIGIBLE) {
            throw new IllegalArgumentException(name + " must be INELIGIBLE or REFER_TO_PROVIDER");
        }
    }
}
