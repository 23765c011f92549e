package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the whole ruleset over generated intakes: a worse answer never gives a milder outcome, UNKNOWN lies
 * between NO and YES, and a decision depends on nothing but the intake. The intakes come from a fixed seed, so a
 * failure names a case that reproduces; every property is checked for every question of every intake.
 */
class DecisionPropertiesTest {

    private static final Ruleset RULESET = Ruleset.defaults();
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    private static final int CASES = 500;
    private static final long SEED = 20261125L;
    private static final List<String> MEDICATIONS = List.of("metformin 500 mg", "Eliquis 5 mg twice daily",
            "warfarin", "aspirin 81 mg", "ibuprofen 400 mg", "Plavix", "heparinoid cream", "tacrolimus", "Eliquis5mg",
            "warfarin-5", "(Plavix)", "aspirinX", "Plavixx 75 mg");

    /** One generated intake, kept as values so that each property builds it afresh. */
    record GeneratedIntake(int number, Map<Question, Answer> answers, int age, Integer skinType,
            LocalDate radiationEnd, LocalDate isotretinoinStop, LocalDate lastSession, List<String> medications,
            BigDecimal depth, boolean energyAssisted) {

        Intake.Builder builder() {
            Intake.Builder builder = Intake.builder(AS_OF).age(age).fitzpatrickSkinType(skinType)
                    .radiationTherapyEndDate(radiationEnd).isotretinoinStopDate(isotretinoinStop)
                    .lastMicroneedlingDate(lastSession).medications(medications).needleDepthMm(depth)
                    .energyAssisted(energyAssisted);
            answers.forEach(builder::answer);
            return builder;
        }

        @Override
        public String toString() {
            return "intake #" + number;
        }
    }

    static Stream<GeneratedIntake> intakes() {
        Random random = new Random(SEED);
        return IntStream.range(0, CASES).mapToObj(number -> generate(number, random)).toList().stream();
    }

    private static GeneratedIntake generate(int number, Random random) {
        Map<Question, Answer> answers = new EnumMap<>(Question.class);
        for (Question question : Question.values()) {
            int pick = random.nextInt(Answer.values().length + 1);
            if (pick < Answer.values().length) {
                answers.put(question, Answer.values()[pick]);
            }
        }
        List<String> medications = IntStream.range(0, random.nextInt(4))
                .mapToObj(i -> MEDICATIONS.get(random.nextInt(MEDICATIONS.size()))).toList();
        return new GeneratedIntake(number, answers, random.nextInt(121),
                random.nextInt(5) == 0 ? null : 1 + random.nextInt(6),
                random.nextInt(5) < 2 ? null : AS_OF.plusDays(random.nextInt(1301) - 900),
                random.nextInt(5) < 2 ? null : AS_OF.minusDays(random.nextInt(401)),
                random.nextInt(5) < 2 ? null : AS_OF.minusDays(random.nextInt(61)),
                medications,
                random.nextInt(10) < 3 ? null : BigDecimal.valueOf(20 + random.nextInt(231), 2),
                random.nextBoolean());
    }

    @ParameterizedTest
    @MethodSource("intakes")
    void aYesAnswerIsNeverMilderThanNo(GeneratedIntake intake) {
        for (Question question : Question.values()) {
            Outcome no = outcome(intake.builder(), question, Answer.NO);
            Outcome yes = outcome(intake.builder(), question, Answer.YES);
            assertThat(yes.compareTo(no)).as("%s YES %s against NO %s", question, yes, no).isGreaterThanOrEqualTo(0);
        }
    }

    @ParameterizedTest
    @MethodSource("intakes")
    void unknownIsNeverMilderThanNo(GeneratedIntake intake) {
        for (Question question : Question.values()) {
            Outcome no = outcome(intake.builder(), question, Answer.NO);
            Outcome unknown = outcome(intake.builder(), question, Answer.UNKNOWN);
            assertThat(unknown.compareTo(no)).as("%s UNKNOWN %s against NO %s", question, unknown, no)
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @ParameterizedTest
    @MethodSource("intakes")
    void unknownIsNeverMoreSevereThanYes(GeneratedIntake intake) {
        for (Question question : Question.values()) {
            Intake.Builder builder = intake.builder();
            // An end date only qualifies a YES (the contract's one exception; see the test below).
            if (question == Question.RADIATION_THERAPY) {
                builder.radiationTherapyEndDate(null);
            }
            Outcome yes = outcome(builder, question, Answer.YES);
            Outcome unknown = outcome(builder, question, Answer.UNKNOWN);
            assertThat(unknown.compareTo(yes)).as("%s UNKNOWN %s against YES %s", question, unknown, yes)
                    .isLessThanOrEqualTo(0);
        }
    }

    @Test
    void radiationEndedLongAgoClearsYesButUnknownStillRefers() {
        Intake.Builder intake = Intake.builder(AS_OF).allNo().age(40).radiationTherapyEndDate(LocalDate.of(2020, 1, 1));

        assertThat(outcome(intake, Question.RADIATION_THERAPY, Answer.YES)).isEqualTo(Outcome.ELIGIBLE);
        assertThat(outcome(intake, Question.RADIATION_THERAPY, Answer.UNKNOWN)).isEqualTo(Outcome.REFER_TO_PROVIDER);
    }

    @ParameterizedTest
    @MethodSource("intakes")
    void aDecisionDependsOnlyOnTheIntake(GeneratedIntake intake) {
        Decision first = RULESET.decide(intake.builder().build());
        Decision again = Ruleset.defaults().decide(intake.builder().build());

        assertThat(again).isEqualTo(first);
    }

    @ParameterizedTest
    @MethodSource("intakes")
    void theOutcomeIsTheWorstReasonAndEligibleMeansNoReason(GeneratedIntake intake) {
        Decision decision = RULESET.decide(intake.builder().build());

        Outcome worst = decision.reasons().stream().map(Finding::outcome).reduce(Outcome.ELIGIBLE,
                Outcome::mostSevere);
        assertThat(decision.outcome()).isEqualTo(worst);
        assertThat(decision.outcome() == Outcome.ELIGIBLE).isEqualTo(decision.reasons().isEmpty());
        assertThat(new HashSet<>(decision.reasons().stream().map(Finding::code).toList()))
                .as("each code at most once").hasSize(decision.reasons().size());
        List<Outcome> order = decision.reasons().stream().map(Finding::outcome).toList();
        assertThat(order).as("INELIGIBLE reasons first").isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(decision.reasons()).allSatisfy(reason -> assertThat(reason.outcome()).isNotEqualTo(Outcome.ELIGIBLE));
    }

    @ParameterizedTest
    @MethodSource("intakes")
    void aDoseGluedToItsNameDecidesAsASpacedOne(GeneratedIntake intake) {
        Decision spaced = RULESET.decide(intake.builder().build());
        List<String> glued = intake.medications().stream().map(line -> line.replace(" ", "")).toList();
        Decision gluedDecision = RULESET.decide(intake.builder().medications(glued).build());

        assertThat(gluedDecision.outcome()).as("medications %s", glued).isEqualTo(spaced.outcome());
        assertThat(gluedDecision.reasons()).extracting(Finding::code, Finding::outcome)
                .isEqualTo(spaced.reasons().stream().map(reason -> tuple(reason.code(), reason.outcome()))
                        .toList());
        assertThat(gluedDecision.advisories()).extracting(AdvisoryFinding::code)
                .isEqualTo(spaced.advisories().stream().map(AdvisoryFinding::code).toList());
    }

    @ParameterizedTest
    @MethodSource("intakes")
    void aRecordedAnswerNeverLeavesItsRuleNotAssessed(GeneratedIntake intake) {
        Intake allAnswered = intake.builder().allNo().fitzpatrickSkinType(2).build();

        assertThat(RULESET.decide(allAnswered).notAssessed()).isEmpty();
    }

    private static Outcome outcome(Intake.Builder intake, Question question, Answer answer) {
        return RULESET.decide(intake.answer(question, answer).build()).outcome();
    }
}
