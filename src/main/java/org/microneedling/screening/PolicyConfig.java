package org.microneedling.screening;

import java.math.BigDecimal;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Policy;

/**
 * The clinic's screening policy. The defaults are the v1 contract's; any change here changes the
 * ruleset digest reported with every decision.
 */
@ConfigMapping(prefix = "screening.policy")
public interface PolicyConfig {

    /** Below this age (whole years) UNDER_MINIMUM_AGE applies. */
    @WithDefault("18")
    int minimumAge();

    /** Below this age, and at or above the minimum, BELOW_TYPICAL_AGE applies. */
    @WithDefault("22")
    int typicalAge();

    /** Months after the end of radiation therapy during which RECENT_RADIATION applies. */
    @WithDefault("12")
    int radiationWindowMonths();

    /** Days that must pass after a microneedling session before the next. */
    @WithDefault("28")
    int sessionIntervalDays();

    /** Months after stopping oral isotretinoin during which ISOTRETINOIN_RECENT applies. */
    @WithDefault("6")
    int isotretinoinWindowMonths();

    /** Lowest Fitzpatrick type (1 to 6) for which PIGMENTATION_RISK applies. */
    @WithDefault("4")
    int pigmentationRiskMinimumType();

    /** Deepest needle setting in millimetres that device labeling has evaluated. */
    @WithDefault("1.5")
    BigDecimal evaluatedNeedleDepthMm();

    /** Outcome of BLOOD_THINNERS when only aspirin triggers it. */
    @WithDefault("REFER_TO_PROVIDER")
    Outcome aspirinOutcome();

    /** Outcome overrides by reason code, e.g. {@code screening.policy.outcomes.KELOID_OR_HYPERTROPHIC_SCARRING}. */
    Map<String, Outcome> outcomes();

    /** Days after {@code asOf} for which an ELIGIBLE result stands (its {@code validUntil}). */
    @WithDefault("30")
    int screeningValidityDays();

    /** The longest a provider's clearance may last, in days after the screening's {@code asOf}. */
    @WithDefault("365")
    int clearanceMaxDays();

    default Policy toPolicy() {
        return new Policy(minimumAge(), typicalAge(), radiationWindowMonths(), sessionIntervalDays(),
                isotretinoinWindowMonths(), pigmentationRiskMinimumType(), evaluatedNeedleDepthMm(), aspirinOutcome(),
                outcomes(), screeningValidityDays(), clearanceMaxDays());
    }
}
