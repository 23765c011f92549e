package org.microneedling.screening.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class DepthBeyondEvaluatedRangeAdvisory implements Advisory {

    public static final String CODE = "DEPTH_BEYOND_EVALUATED_RANGE";

    private final BigDecimal evaluatedDepthMm;

    public DepthBeyondEvaluatedRangeAdvisory(Policy policy) {
        this.evaluatedDepthMm = policy.evaluatedNeedleDepthMm();
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String criterion() {
        return "treatment.needleDepthMm > evaluated-needle-depth-mm";
    }

    @Override
    public String source() {
        return "SkinPen labeling: safety and effectiveness above 1.5 mm have not been evaluated; the source article "
                + "gives 0.5 to 2.5 mm for professional treatment.";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("evaluated-needle-depth-mm", evaluatedDepthMm);
    }

    @Override
    public Optional<AdvisoryFinding> evaluate(Intake intake) {
        BigDecimal depth = intake.needleDepthMm();
        if (depth == null || depth.compareTo(evaluatedDepthMm) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new AdvisoryFinding(CODE, List.of(Evidence.of("treatment.needleDepthMm", depth)),
                List.of(evaluatedDepthMm.toPlainString())));
    }
}
