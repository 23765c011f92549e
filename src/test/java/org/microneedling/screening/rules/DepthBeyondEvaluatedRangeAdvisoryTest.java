package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microneedling.screening.rules.RuleFixtures.healthyAdult;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DepthBeyondEvaluatedRangeAdvisoryTest {

    private static Optional<AdvisoryFinding> evaluate(Policy policy, BigDecimal depth) {
        return new DepthBeyondEvaluatedRangeAdvisory(policy).evaluate(healthyAdult().needleDepthMm(depth).build());
    }

    @ParameterizedTest(name = "depth {0} mm ⇒ {1}")
    @CsvSource(textBlock = """
            0.2,  NONE
            1.0,  NONE
            1.5,  NONE
            1.50, NONE
            1.51, RAISED
            1.6,  RAISED
            2.5,  RAISED
            ,     NONE
            """)
    void raisedAboveOnePointFiveMillimetres(BigDecimal depth, String expected) {
        assertThat(evaluate(Policy.defaults(), depth).isPresent() ? "RAISED" : "NONE").isEqualTo(expected);
    }

    @ParameterizedTest(name = "evaluated depth 2.0, depth {0} mm ⇒ {1}")
    @CsvSource(textBlock = """
            1.6, NONE
            2.0, NONE
            2.1, RAISED
            """)
    void configuredEvaluatedDepthMovesTheBoundary(BigDecimal depth, String expected) {
        Policy evaluatedToTwo = new Policy(18, 22, 12, 28, 6, 4, new BigDecimal("2.0"), Outcome.REFER_TO_PROVIDER,
                Map.of());

        assertThat(evaluate(evaluatedToTwo, depth).isPresent() ? "RAISED" : "NONE").isEqualTo(expected);
    }

    @Test
    void evidenceNamesTheDepth() {
        AdvisoryFinding finding = evaluate(Policy.defaults(), new BigDecimal("1.6")).orElseThrow();

        assertThat(finding.code()).isEqualTo("DEPTH_BEYOND_EVALUATED_RANGE");
        assertThat(finding.evidence()).containsExactly(new Evidence("treatment.needleDepthMm", "1.6", null));
        assertThat(finding.messageArguments()).containsExactly("1.5");
    }

    @Test
    void parameterIsTheEvaluatedDepth() {
        assertThat(new DepthBeyondEvaluatedRangeAdvisory(Policy.defaults()).parameters())
                .containsExactly(Map.entry("evaluated-needle-depth-mm", new BigDecimal("1.5")));
    }
}
