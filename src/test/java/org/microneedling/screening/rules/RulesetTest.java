package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.microneedling.screening.rules.RuleFixtures.AS_OF;
import static org.microneedling.screening.rules.RuleFixtures.healthyAdult;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RulesetTest {

    private static final Ruleset DEFAULTS = Ruleset.defaults();

    private static final List<String> CONTRACT_CATALOGUE = List.of(
            "UNDER_MINIMUM_AGE", "ACTIVE_ACNE", "ACTIVE_COLD_SORES", "SKIN_INFECTION", "ECZEMA", "PSORIASIS",
            "KELOID_OR_HYPERTROPHIC_SCARRING", "BLEEDING_DISORDER", "BLOOD_THINNERS", "RECENT_RADIATION",
            "TOO_SOON_SINCE_LAST_SESSION", "ISOTRETINOIN_CURRENT", "SKIN_CANCER_IN_AREA", "SUNBURN_IN_AREA",
            "BELOW_TYPICAL_AGE", "PREGNANCY", "BREASTFEEDING", "COLD_SORE_HISTORY", "PIGMENTATION_RISK",
            "TOPICAL_ANESTHETIC_ALLERGY", "ISOTRETINOIN_RECENT", "IMMUNOSUPPRESSION", "METAL_ALLERGY");

    /** Every optional answer given, all NO, skin type II: nothing fires and nothing is unassessed. */
    private static Intake.Builder fullyAnsweredHealthyAdult() {
        return healthyAdult().fitzpatrickSkinType(2);
    }

    private static Policy policy(int minimumAge, int typicalAge, int radiationMonths, int sessionDays,
            int isotretinoinMonths, int pigmentationType, String depth, Outcome aspirin) {
        return new Policy(minimumAge, typicalAge, radiationMonths, sessionDays, isotretinoinMonths, pigmentationType,
                new BigDecimal(depth), aspirin, Map.of());
    }

    @Test
    void catalogueHasTheContractCodesInContractOrder() {
        assertThat(DEFAULTS.rules()).extracting(Rule::code).containsExactlyElementsOf(CONTRACT_CATALOGUE);
        assertThat(DEFAULTS.advisories()).extracting(Advisory::code).containsExactly(
                "ANTI_INFLAMMATORY_MEDICATION", "ENERGY_ASSISTED_BURN_RISK", "DEPTH_BEYOND_EVALUATED_RANGE");
    }

    @Test
    void everyRuleDescribesItselfForReviewers() {
        assertThat(DEFAULTS.rules()).allSatisfy(rule -> {
            assertThat(rule.criterion()).as(rule.code()).isNotBlank();
            assertThat(rule.source()).as(rule.code()).isNotBlank();
            assertThat(rule.outcome()).as(rule.code()).isNotEqualTo(Outcome.ELIGIBLE);
        });
    }

    @Test
    void healthyFullyAnsweredAdultIsEligibleWithNothingToReport() {
        Decision decision = DEFAULTS.decide(fullyAnsweredHealthyAdult().build());

        assertThat(decision.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(decision.reasons()).isEmpty();
        assertThat(decision.advisories()).isEmpty();
        assertThat(decision.notAssessed()).isEmpty();
    }

    static Stream<Arguments> singleTriggers() {
        return Stream.of(
                Arguments.of("UNDER_MINIMUM_AGE", Outcome.INELIGIBLE, healthyAdult().age(17)),
                Arguments.of("ACTIVE_ACNE", Outcome.INELIGIBLE, healthyAdult().answer(Question.ACTIVE_ACNE, Answer.YES)),
                Arguments.of("ACTIVE_COLD_SORES", Outcome.INELIGIBLE,
                        healthyAdult().answer(Question.ACTIVE_COLD_SORES, Answer.YES)),
                Arguments.of("SKIN_INFECTION", Outcome.INELIGIBLE,
                        healthyAdult().answer(Question.OTHER_ACTIVE_SKIN_INFECTION, Answer.YES)),
                Arguments.of("ECZEMA", Outcome.INELIGIBLE, healthyAdult().answer(Question.ECZEMA, Answer.YES)),
                Arguments.of("PSORIASIS", Outcome.INELIGIBLE, healthyAdult().answer(Question.PSORIASIS, Answer.YES)),
                Arguments.of("KELOID_OR_HYPERTROPHIC_SCARRING", Outcome.INELIGIBLE,
                        healthyAdult().answer(Question.KELOID_OR_HYPERTROPHIC_SCARRING, Answer.YES)),
                Arguments.of("BLEEDING_DISORDER", Outcome.INELIGIBLE,
                        healthyAdult().answer(Question.BLEEDING_DISORDER, Answer.YES)),
                Arguments.of("BLOOD_THINNERS", Outcome.INELIGIBLE, healthyAdult().medications(List.of("Xarelto"))),
                Arguments.of("RECENT_RADIATION", Outcome.INELIGIBLE, healthyAdult()
                        .answer(Question.RADIATION_THERAPY, Answer.YES).radiationTherapyEndDate(AS_OF.minusMonths(2))),
                Arguments.of("TOO_SOON_SINCE_LAST_SESSION", Outcome.INELIGIBLE,
                        healthyAdult().lastMicroneedlingDate(AS_OF.minusDays(10))),
                Arguments.of("ISOTRETINOIN_CURRENT", Outcome.INELIGIBLE,
                        healthyAdult().answer(Question.ISOTRETINOIN, Answer.YES)),
                Arguments.of("SKIN_CANCER_IN_AREA", Outcome.INELIGIBLE,
                        healthyAdult().answer(Question.SKIN_CANCER_IN_TREATMENT_AREA, Answer.YES)),
                Arguments.of("SUNBURN_IN_AREA", Outcome.INELIGIBLE,
                        healthyAdult().answer(Question.SUNBURN_IN_TREATMENT_AREA, Answer.YES)),
                Arguments.of("BELOW_TYPICAL_AGE", Outcome.REFER_TO_PROVIDER, healthyAdult().age(20)),
                Arguments.of("PREGNANCY", Outcome.REFER_TO_PROVIDER, healthyAdult().answer(Question.PREGNANT, Answer.YES)),
                Arguments.of("BREASTFEEDING", Outcome.REFER_TO_PROVIDER,
                        healthyAdult().answer(Question.BREASTFEEDING, Answer.YES)),
                Arguments.of("COLD_SORE_HISTORY", Outcome.REFER_TO_PROVIDER,
                        healthyAdult().answer(Question.COLD_SORE_HISTORY, Answer.YES)),
                Arguments.of("PIGMENTATION_RISK", Outcome.REFER_TO_PROVIDER, healthyAdult().fitzpatrickSkinType(5)),
                Arguments.of("TOPICAL_ANESTHETIC_ALLERGY", Outcome.REFER_TO_PROVIDER,
                        healthyAdult().answer(Question.TOPICAL_ANESTHETIC_ALLERGY, Answer.YES)),
                Arguments.of("ISOTRETINOIN_RECENT", Outcome.REFER_TO_PROVIDER,
                        healthyAdult().isotretinoinStopDate(AS_OF.minusMonths(1))),
                Arguments.of("IMMUNOSUPPRESSION", Outcome.REFER_TO_PROVIDER,
                        healthyAdult().answer(Question.IMMUNOSUPPRESSED, Answer.YES)),
                Arguments.of("METAL_ALLERGY", Outcome.REFER_TO_PROVIDER,
                        healthyAdult().answer(Question.METAL_ALLERGY, Answer.YES)));
    }

    @ParameterizedTest(name = "{0} alone ⇒ {1}")
    @MethodSource("singleTriggers")
    void oneReasonDecidesTheOutcome(String code, Outcome expected, Intake.Builder intake) {
        if (intake.build().fitzpatrickSkinType() == null) {
            intake.fitzpatrickSkinType(2);
        }

        Decision decision = DEFAULTS.decide(intake.build());

        assertThat(decision.outcome()).isEqualTo(expected);
        assertThat(decision.reasons()).extracting(Finding::code, Finding::outcome)
                .containsExactly(tuple(code, expected));
    }

    @ParameterizedTest(name = "{0} ⇒ ELIGIBLE exactly when there are no reasons")
    @MethodSource("singleTriggers")
    void eligibleExactlyWhenNoReasons(String code, Outcome expected, Intake.Builder intake) {
        for (Decision decision : List.of(DEFAULTS.decide(intake.build()),
                DEFAULTS.decide(fullyAnsweredHealthyAdult().build()))) {
            assertThat(decision.outcome() == Outcome.ELIGIBLE).isEqualTo(decision.reasons().isEmpty());
        }
    }

    @Test
    void ineligibleReasonsComeFirstThenReferralsEachInCatalogueOrder() {
        Intake intake = healthyAdult()
                .answer(Question.PREGNANT, Answer.YES)
                .answer(Question.ECZEMA, Answer.YES)
                .answer(Question.COLD_SORE_HISTORY, Answer.YES)
                .answer(Question.TAKES_BLOOD_THINNERS, Answer.UNKNOWN)
                .answer(Question.ACTIVE_ACNE, Answer.YES)
                .fitzpatrickSkinType(5)
                .answer(Question.SUNBURN_IN_TREATMENT_AREA, Answer.UNKNOWN)
                .answer(Question.METAL_ALLERGY, Answer.YES)
                .build();

        Decision decision = DEFAULTS.decide(intake);

        assertThat(decision.outcome()).isEqualTo(Outcome.INELIGIBLE);
        // UNKNOWN answers to INELIGIBLE questions are placed by their actual outcome, among the referrals.
        assertThat(decision.reasons()).extracting(Finding::code).containsExactly(
                "ACTIVE_ACNE", "ECZEMA",
                "BLOOD_THINNERS", "SUNBURN_IN_AREA", "PREGNANCY", "COLD_SORE_HISTORY", "PIGMENTATION_RISK",
                "METAL_ALLERGY");
    }

    @ParameterizedTest(name = "everything answered {0} ⇒ every code once, ordered by outcome then catalogue")
    @CsvSource({"YES", "UNKNOWN"})
    void everyCodeAtMostOnceInOutcomeThenCatalogueOrder(Answer everything) {
        Intake.Builder builder = Intake.builder(AS_OF).dateOfBirth(LocalDate.of(2006, 1, 1))
                .fitzpatrickSkinType(6)
                .medications(List.of("Eliquis 5 mg", "aspirin 81 mg", "Plavix 75 mg", "warfarin"))
                .lastMicroneedlingDate(AS_OF.minusDays(3))
                .isotretinoinStopDate(everything == Answer.YES ? null : AS_OF.minusMonths(2))
                .radiationTherapyEndDate(AS_OF.minusMonths(1));
        for (Question question : Question.values()) {
            builder.answer(question, everything);
        }

        Decision decision = DEFAULTS.decide(builder.build());

        List<String> codes = decision.reasons().stream().map(Finding::code).toList();
        assertThat(codes).doesNotHaveDuplicates();
        List<Finding> expectedOrder = new ArrayList<>(decision.reasons());
        expectedOrder.sort(Comparator.comparing(Finding::outcome).reversed()
                .thenComparing(finding -> CONTRACT_CATALOGUE.indexOf(finding.code())));
        assertThat(decision.reasons()).containsExactlyElementsOf(expectedOrder);
        assertThat(decision.outcome()).isEqualTo(decision.reasons().get(0).outcome());
        assertThat(decision.reasons()).extracting(Finding::code).contains("BLOOD_THINNERS", "BELOW_TYPICAL_AGE");
    }

    @Test
    void bloodThinnerTriggersMakeOneReason() {
        Intake intake = fullyAnsweredHealthyAdult()
                .answer(Question.TAKES_BLOOD_THINNERS, Answer.YES)
                .medications(List.of("Eliquis 5 mg", "aspirin 81 mg", "Plavix 75 mg"))
                .build();

        Decision decision = DEFAULTS.decide(intake);

        assertThat(decision.reasons()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo("BLOOD_THINNERS");
            assertThat(finding.evidence()).hasSize(4);
        });
    }

    @Test
    void unansweredOptionalQuestionsAreListedInCatalogueOrder() {
        Intake.Builder builder = Intake.builder(AS_OF).age(40);
        for (Question required : List.of(Question.PREGNANT, Question.ACTIVE_ACNE, Question.ACTIVE_COLD_SORES,
                Question.COLD_SORE_HISTORY, Question.OTHER_ACTIVE_SKIN_INFECTION, Question.ECZEMA,
                Question.PSORIASIS, Question.KELOID_OR_HYPERTROPHIC_SCARRING, Question.BLEEDING_DISORDER,
                Question.TAKES_BLOOD_THINNERS, Question.RADIATION_THERAPY)) {
            builder.answer(required, Answer.NO);
        }

        Decision decision = DEFAULTS.decide(builder.build());

        assertThat(decision.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(decision.notAssessed()).containsExactly("ISOTRETINOIN_CURRENT", "SKIN_CANCER_IN_AREA",
                "SUNBURN_IN_AREA", "BREASTFEEDING", "PIGMENTATION_RISK", "TOPICAL_ANESTHETIC_ALLERGY",
                "ISOTRETINOIN_RECENT", "IMMUNOSUPPRESSION", "METAL_ALLERGY");
    }

    @Test
    void aFiredRuleIsNeverAlsoNotAssessed() {
        Decision decision = DEFAULTS.decide(healthyAdult().answer(Question.METAL_ALLERGY, Answer.YES)
                .answer(Question.BREASTFEEDING, null).build());

        assertThat(decision.notAssessed()).containsExactly("BREASTFEEDING", "PIGMENTATION_RISK");
        assertThat(decision.reasons()).extracting(Finding::code).containsExactly("METAL_ALLERGY");
    }

    @ParameterizedTest(name = "advisories with base outcome {0} leave it {0}")
    @CsvSource({"ELIGIBLE", "REFER_TO_PROVIDER", "INELIGIBLE"})
    void advisoriesNeverChangeTheOutcome(Outcome base) {
        Intake.Builder builder = fullyAnsweredHealthyAdult();
        if (base == Outcome.REFER_TO_PROVIDER) {
            builder.answer(Question.COLD_SORE_HISTORY, Answer.YES);
        } else if (base == Outcome.INELIGIBLE) {
            builder.answer(Question.PSORIASIS, Answer.YES);
        }
        Decision without = DEFAULTS.decide(builder.build());

        Decision with = DEFAULTS.decide(builder.medications(List.of("ibuprofen 400 mg")).energyAssisted(true)
                .needleDepthMm(new BigDecimal("2.0")).build());

        assertThat(with.outcome()).isEqualTo(base).isEqualTo(without.outcome());
        assertThat(with.reasons()).isEqualTo(without.reasons());
        assertThat(with.advisories()).extracting(AdvisoryFinding::code).containsExactly(
                "ANTI_INFLAMMATORY_MEDICATION", "ENERGY_ASSISTED_BURN_RISK", "DEPTH_BEYOND_EVALUATED_RANGE");
    }

    @Test
    void sameIntakeGivesTheSameDecision() {
        Intake intake = healthyAdult().age(20).fitzpatrickSkinType(4)
                .answer(Question.TAKES_BLOOD_THINNERS, Answer.UNKNOWN)
                .medications(List.of("aspirin 81 mg", "Advil")).lastMicroneedlingDate(AS_OF.minusDays(5)).build();

        Decision first = DEFAULTS.decide(intake);

        assertThat(DEFAULTS.decide(intake)).isEqualTo(first);
        assertThat(Ruleset.defaults().decide(intake)).isEqualTo(first);
        assertThat(first.reasons()).isNotEmpty();
    }

    @Test
    void digestIsSha256AndStableForEqualPolicies() {
        Ruleset again = Ruleset.create(policy(18, 22, 12, 28, 6, 4, "1.5", Outcome.REFER_TO_PROVIDER),
                MedicationCatalogue.load());

        assertThat(DEFAULTS.digest()).matches("sha256:[0-9a-f]{64}");
        assertThat(again.digest()).isEqualTo(DEFAULTS.digest());
        assertThat(Ruleset.create(Policy.defaults().withOutcome("ECZEMA", Outcome.REFER_TO_PROVIDER),
                MedicationCatalogue.load()).digest())
                .isEqualTo(Ruleset.create(Policy.defaults().withOutcome("ECZEMA", Outcome.REFER_TO_PROVIDER),
                        MedicationCatalogue.load()).digest());
    }

    static Stream<Arguments> policyChanges() {
        Stream<Arguments> thresholds = Stream.of(
                Arguments.of("minimum-age 16", policy(16, 22, 12, 28, 6, 4, "1.5", Outcome.REFER_TO_PROVIDER)),
                Arguments.of("typical-age 20", policy(18, 20, 12, 28, 6, 4, "1.5", Outcome.REFER_TO_PROVIDER)),
                Arguments.of("radiation-window-months 3", policy(18, 22, 3, 28, 6, 4, "1.5", Outcome.REFER_TO_PROVIDER)),
                Arguments.of("session-interval-days 42", policy(18, 22, 12, 42, 6, 4, "1.5", Outcome.REFER_TO_PROVIDER)),
                Arguments.of("isotretinoin-window-months 12",
                        policy(18, 22, 12, 28, 12, 4, "1.5", Outcome.REFER_TO_PROVIDER)),
                Arguments.of("pigmentation-risk-minimum-type 5",
                        policy(18, 22, 12, 28, 6, 5, "1.5", Outcome.REFER_TO_PROVIDER)),
                Arguments.of("evaluated-needle-depth-mm 2.0",
                        policy(18, 22, 12, 28, 6, 4, "2.0", Outcome.REFER_TO_PROVIDER)),
                Arguments.of("aspirin-outcome INELIGIBLE", policy(18, 22, 12, 28, 6, 4, "1.5", Outcome.INELIGIBLE)));
        Stream<Arguments> overrides = DEFAULTS.rules().stream().map(rule -> {
            Outcome other = rule.outcome() == Outcome.INELIGIBLE ? Outcome.REFER_TO_PROVIDER : Outcome.INELIGIBLE;
            return Arguments.of("outcomes." + rule.code() + " " + other, Policy.defaults().withOutcome(rule.code(), other));
        });
        return Stream.concat(thresholds, overrides);
    }

    @ParameterizedTest(name = "{0} ⇒ new digest")
    @MethodSource("policyChanges")
    void anyPolicyChangeChangesTheDigest(String change, Policy changed) {
        assertThat(Ruleset.create(changed, MedicationCatalogue.load()).digest()).isNotEqualTo(DEFAULTS.digest());
    }

    @Test
    void everyPolicyChangeHasItsOwnDigest() {
        Set<String> digests = new HashSet<>();
        List<Arguments> changes = policyChanges().toList();
        for (Arguments change : changes) {
            digests.add(Ruleset.create((Policy) change.get()[1], MedicationCatalogue.load()).digest());
        }

        assertThat(digests).hasSize(changes.size()).doesNotContain(DEFAULTS.digest());
    }

    @ParameterizedTest(name = "evaluated depth written {0} ⇒ same policy, same digest")
    @CsvSource({"1.50", "1.500", "1.5"})
    void evaluatedDepthWrittenWithTrailingZerosIsTheSamePolicy(String depth) {
        Policy written = policy(18, 22, 12, 28, 6, 4, depth, Outcome.REFER_TO_PROVIDER);

        assertThat(written).isEqualTo(Policy.defaults());
        assertThat(Ruleset.create(written, MedicationCatalogue.load()).digest()).isEqualTo(DEFAULTS.digest());
    }

    @Test
    void overrideEqualToTheShippedDefaultKeepsTheDigest() {
        Policy restated = Policy.defaults().withOutcome("ECZEMA", Outcome.INELIGIBLE);

        assertThat(Ruleset.create(restated, MedicationCatalogue.load()).digest()).isEqualTo(DEFAULTS.digest());
    }

    @Test
    void changedMedicationListChangesTheDigest() {
        MedicationCatalogue shorter = MedicationCatalogue.parse(
                "ANTICOAGULANT\twarfarin\t11289\twarfarin, Coumadin\n".getBytes(StandardCharsets.UTF_8));

        assertThat(Ruleset.create(Policy.defaults(), shorter).digest()).isNotEqualTo(DEFAULTS.digest());
    }

    @Test
    void unknownCodeInOutcomeOverridesIsRejected() {
        Policy misspelt = Policy.defaults().withOutcome("ECZEMAA", Outcome.REFER_TO_PROVIDER);

        assertThatThrownBy(() -> Ruleset.create(misspelt, MedicationCatalogue.load()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ECZEMAA");
    }

    @Test
    void advisoryCodeCannotBeGivenAnOutcome() {
        Policy advisoryOverride = Policy.defaults().withOutcome("ANTI_INFLAMMATORY_MEDICATION", Outcome.INELIGIBLE);

        assertThatThrownBy(() -> Ruleset.create(advisoryOverride, MedicationCatalogue.load()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eligibleIsRejectedAsAnOutcomeOverride() {
        assertThatThrownBy(() -> Policy.defaults().withOutcome("PREGNANCY", Outcome.ELIGIBLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PREGNANCY");
    }

    @Test
    void eligibleIsRejectedAsTheAspirinOutcome() {
        assertThatThrownBy(() -> policy(18, 22, 12, 28, 6, 4, "1.5", Outcome.ELIGIBLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aspirinOutcome");
    }
}
