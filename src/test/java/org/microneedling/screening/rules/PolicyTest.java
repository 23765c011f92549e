package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A policy outside its ranges is refused at start-up, naming the setting; the edges themselves are accepted. */
class PolicyTest {

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource({
            "minimumAge, -1", "minimumAge, 121",
            "typicalAge, -1", "typicalAge, 121",
            "radiationWindowMonths, -1", "radiationWindowMonths, 1201",
            "sessionIntervalDays, -1", "sessionIntervalDays, 3651",
            "isotretinoinWindowMonths, -1", "isotretinoinWindowMonths, 1201",
            "pigmentationRiskMinimumType, 0", "pigmentationRiskMinimumType, 8" })
    void aThresholdOutsideItsRangeIsRefused(String name, int value) {
        assertThatIllegalArgumentException().isThrownBy(() -> policyWith(name, value)).withMessageContaining(name);
    }

    @ParameterizedTest(name = "{0} = {1} is accepted")
    @CsvSource({
            "minimumAge, 0", "minimumAge, 120",
            "typicalAge, 0", "typicalAge, 120",
            "radiationWindowMonths, 0", "radiationWindowMonths, 1200",
            "sessionIntervalDays, 0", "sessionIntervalDays, 3650",
            "isotretinoinWindowMonths, 0", "isotretinoinWindowMonths, 1200",
            "pigmentationRiskMinimumType, 1", "pigmentationRiskMinimumType, 7" })
    void theEdgesOfEachRangeAreAccepted(String name, int value) {
        assertThat(policyWith(name, value)).isNotNull();
    }

    @ParameterizedTest(name = "roman({0}) = {1}")
    @CsvSource({ "0, 0", "1, I", "6, VI", "7, 7" })
    void skinTypesAreNamedInRomanNumeralsOnlyWithinTheScale(int type, String expected) {
        assertThat(PigmentationRiskRule.roman(type)).isEqualTo(expected);
    }

    private static Policy policyWith(String name, int value) {
        Policy d = Policy.defaults();
        return new Policy(
                "minimumAge".equals(name) ? value : d.minimumAge(),
                "typicalAge".equals(name) ? value : d.typicalAge(),
                "radiationWindowMonths".equals(name) ? value : d.radiationWindowMonths(),
                "sessionIntervalDays".equals(name) ? value : d.sessionIntervalDays(),
                "isotretinoinWindowMonths".equals(name) ? value : d.isotretinoinWindowMonths(),
                "pigmentationRiskMinimumType".equals(name) ? value : d.pigmentationRiskMinimumType(),
                new BigDecimal("1.5"), Outcome.REFER_TO_PROVIDER, Map.of());
    }
}
