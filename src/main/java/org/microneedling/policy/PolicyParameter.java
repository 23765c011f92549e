package org.microneedling.policy;

import java.math.BigDecimal;
import java.util.function.Function;

import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Policy;

/**
 * Every parameter of a clinic policy as the workflow API names it, with the range a draft may set it to. The
 * ranges are narrower than what the rules could run with: they are what a medical director could mean.
 */
enum PolicyParameter {
    MINIMUM_AGE("minimumAge", 12, 99, Policy::minimumAge),
    TYPICAL_AGE("typicalAge", 12, 99, Policy::typicalAge),
    RADIATION_WINDOW_MONTHS("radiationWindowMonths", 0, 120, Policy::radiationWindowMonths),
    SESSION_INTERVAL_DAYS("sessionIntervalDays", 0, 365, Policy::sessionIntervalDays),
    ISOTRETINOIN_WINDOW_MONTHS("isotretinoinWindowMonths", 0, 60, Policy::isotretinoinWindowMonths),
    // 7 is above every Fitzpatrick type: the rule then never applies.
    PIGMENTATION_RISK_MINIMUM_TYPE("pigmentationRiskMinimumType", 1, 7, Policy::pigmentationRiskMinimumType),
    EVALUATED_NEEDLE_DEPTH_MM("evaluatedNeedleDepthMm", new BigDecimal("0.1"), new BigDecimal("3.0"),
            Policy::evaluatedNeedleDepthMm),
    ASPIRIN_OUTCOME("aspirinOutcome", Policy::aspirinOutcome),
    SCREENING_VALIDITY_DAYS("screeningValidityDays", 1, 365, Policy::screeningValidityDays),
    CLEARANCE_MAX_DAYS("clearanceMaxDays", 1, 730, Policy::clearanceMaxDays);

    enum Type {
        WHOLE_NUMBER, DECIMAL, OUTCOME
    }

    private final String jsonName;
    private final Type type;
    private final BigDecimal min;
    private final BigDecimal max;
    private final Function<Policy, Object> reader;

    PolicyParameter(String jsonName, int min, int max, Function<Policy, Object> reader) {
        this(jsonName, Type.WHOLE_NUMBER, BigDecimal.valueOf(min), BigDecimal.valueOf(max), reader);
    }

    PolicyParameter(String jsonName, BigDecimal min, BigDecimal max, Function<Policy, Object> reader) {
        this(jsonName, Type.DECIMAL, min, max, reader);
    }

    PolicyParameter(String jsonName, Function<Policy, Object> reader) {
        this(jsonName, Type.OUTCOME, null, null, reader);
    }

    PolicyParameter(String jsonName, Type type, BigDecimal min, BigDecimal max, Function<Policy, Object> reader) {
        this.jsonName = jsonName;
        this.type = type;
        this.min = min;
        this.max = max;
        this.reader = reader;
    }

    String jsonName() {
        return jsonName;
    }

    Type type() {
        return type;
    }

    BigDecimal min() {
        return min;
    }

    BigDecimal max() {
        return max;
    }

    Object valueIn(Policy policy) {
        return reader.apply(policy);
    }

    static PolicyParameter named(String jsonName) {
        for (PolicyParameter parameter : values()) {
            if (parameter.jsonName.equals(jsonName)) {
                return parameter;
            }
        }
        return null;
    }

    /** A policy from one value per parameter, by JSON name, and the outcome overrides. */
    static Policy policyOf(java.util.Map<String, Object> values, java.util.Map<String, Outcome> outcomes) {
        return new Policy(
                (Integer) values.get(MINIMUM_AGE.jsonName),
                (Integer) values.get(TYPICAL_AGE.jsonName),
                (Integer) values.get(RADIATION_WINDOW_MONTHS.jsonName),
                (Integer) values.get(SESSION_INTERVAL_DAYS.jsonName),
                (Integer) values.get(ISOTRETINOIN_WINDOW_MONTHS.jsonName),
                (Integer) values.get(PIGMENTATION_RISK_MINIMUM_TYPE.jsonName),
                (BigDecimal) values.get(EVALUATED_NEEDLE_DEPTH_MM.jsonName),
                (Outcome) values.get(ASPIRIN_OUTCOME.jsonName),
                outcomes,
                (Integer) values.get(SCREENING_VALIDITY_DAYS.jsonName),
                (Integer) values.get(CLEARANCE_MAX_DAYS.jsonName));
    }
}
