package org.microneedling.screening.rules;

import java.util.Map;

public final class PigmentationRiskRule extends PolicyRule {

    public static final String CODE = "PIGMENTATION_RISK";
    static final Outcome SHIPPED_OUTCOME = Outcome.REFER_TO_PROVIDER;
    private static final String[] ROMAN = { "I", "II", "III", "IV", "V", "VI" };

    private final int minimumType;

    public PigmentationRiskRule(Policy policy) {
        super(CODE, policy, SHIPPED_OUTCOME);
        this.minimumType = policy.pigmentationRiskMinimumType();
    }

    @Override
    public String criterion() {
        return "patient.fitzpatrickSkinType >= pigmentation-risk-minimum-type (IV, V or VI by default)";
    }

    @Override
    public String source() {
        return "Chu et al., Dermatol Surg 2021 (darker skin raises adverse events, post-inflammatory hyperpigmentation "
                + "among the persistent ones); source article advises a dermatologist's assessment for darker skin.";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("pigmentation-risk-minimum-type", minimumType);
    }

    @Override
    public Evaluation evaluate(Intake intake) {
        Integer type = intake.fitzpatrickSkinType();
        if (type == null) {
            return Evaluation.NOT_ASSESSED;
        }
        if (type < minimumType) {
            return Evaluation.CLEAR;
        }
        return Evaluation.fired(new Finding(CODE, outcome(), Evidence.of("patient.fitzpatrickSkinType", roman(type))));
    }

    static String roman(int type) {
        return type >= 1 && type <= ROMAN.length ? ROMAN[type - 1] : String.valueOf(type);
    }
}
