package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the whole ruleset over generated intakes: a worse answer never gives a milder outcome, UNKNOWN lies
 * between NO and YES, and a decision depends on nothing but the intake.
 */
class DecisionPropertiesTest {

    private static final Ruleset RULESET = Ruleset.defaults();
    private static final List<String> MEDICATIONS = List.of("metformin 500 mg", "Eliquis 5 mg twice daily",
            "warfarin", "aspirin 81 mg", "ibuprofen 400 mg", "Plavix", "heparinoid cream", "tacrolimus");

    @Property(tries = 500)
    void aYesAnswerIsNeverMilderThanNo(@ForAll("intakes") Intake.Builder intake, @ForAll Question question) {
        Outcome no = outcome(intake, question, Answer.NO);
        Outcome yes = outcome(intake, question, Answer.YES);

        assertThat(yes.compareTo(no)).as("%s YES %s against NO %s", question, yes, no).isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 500)
    void unknownIsNeverMilderThanNo(@ForAll("intakes") Intake.Builder intake, @ForAll Question question) {
        Outcome no = outcome(intake, question, Answer.NO);
        Outcome unknown = outcome(intake, question, Answer.UNKNOWN);

        assertThat(unknown.compareTo(no)).as("%s UNKNOWN %s against NO %s", question, unknown, no)
                .isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 500)
    void unknownIsNeverMoreSevereThanYes(@ForAll("intakes") Intake.Builder intake, @ForAll Question question) {
        // An end date only qualifies a YES (the contract's one exception; see the example below).
        if (question == Question.RADIATION_THERAPY) {
            intake.radiationTherapyEndDate(null);
        }
        Outcome yes = outcome(intake, question, Answer.YES);
        Outcome unknown = outcome(intake, question, Answer.UNKNOWN);

        assertThat(unknown.compareTo(yes)).as("%s UNKNOWN %s against YES %s", question, unknown, yes)
                .isLessThanOrEqualTo(0);
    }

    @Example
    void radiationEndedLongAgoClearsYesButUnknownStillRefers() {
        Intake.Builder intake = Intake.builder(LocalDate.of(2026, 11, 25)).allNo().age(40)
                .radiationTherapyEndDate(LocalDate.of(2020, 1, 1));

        assertThat(outcome(intake, Question.RADIATION_THERAPY, Answer.YES)).isEqualTo(Outcome.ELIGIBLE);
        assertThat(outcome(intake, Question.RADIATION_THERAPY, Answer.UNKNOWN)).isEqualTo(Outcome.REFER_TO_PROVIDER);
    }

    @Property(tries = 500)
    void aDecisionDependsOnlyOnTheIntake(@ForAll("intakes") Intake.Builder intake) {
        Decision first = RULESET.decide(intake.build());
        Decision again = Ruleset.defaults().decide(intake.build());

        assertThat(again).isEqualTo(first);
    }

    @Property(tries = 500)
    void theOutcomeIsTheWorstReasonAndEligibleMeansNoReason(@ForAll("intakes") Intake.Builder intake) {
        Decision decision = RULESET.decide(intake.build());

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

    @Property(tries = 300)
    void aRecordedAnswerNeverLeavesItsRuleNotAssessed(@ForAll("intakes") Intake.Builder intake) {
        Intake allAnswered = intake.allNo().fitzpatrickSkinType(2).build();

        assertThat(RULESET.decide(allAnswered).notAssessed()).isEmpty();
    }

    private static Outcome outcome(Intake.Builder intake, Question question, Answer answer) {
        return RULESET.decide(intake.answer(question, answer).build()).outcome();
    }

    @Provide
    Arbitrary<Intake.Builder> intakes() {
        LocalDate asOf = LocalDate.of(2026, 11, 25);
        Arbitrary<Map<Question, Answer>> answers = Arbitraries.maps(Arbitraries.of(Question.class),
                Arbitraries.of(Answer.class)).ofMaxSize(Question.values().length);
        Arbitrary<Integer> age = Arbitraries.integers().between(0, 120);
        Arbitrary<Integer> skinType = Arbitraries.integers().between(1, 6).injectNull(0.2);
        Arbitrary<LocalDate> radiationEnd = Arbitraries.integers().between(-900, 400)
                .map(asOf::plusDays).injectNull(0.4);
        Arbitrary<LocalDate> isotretinoinStop = Arbitraries.integers().between(0, 400)
                .map(asOf::minusDays).injectNull(0.4);
        Arbitrary<LocalDate> lastSession = Arbitraries.integers().between(0, 60)
                .map(asOf::minusDays).injectNull(0.4);
        Arbitrary<List<String>> medications = Arbitraries.of(MEDICATIONS).list().ofMaxSize(3);
        Arbitrary<BigDecimal> depth = Arbitraries.bigDecimals().between(new BigDecimal("0.2"), new BigDecimal("2.5"))
                .ofScale(2).injectNull(0.3);
        Arbitrary<Boolean> energy = Arbitraries.of(true, false);
        return Combinators.combine(answers, age, skinType, radiationEnd, isotretinoinStop, lastSession, medications,
                depth).as((given, years, type, radiation, isotretinoin, session, medicines, needle) -> {
                    Intake.Builder builder = Intake.builder(asOf).age(years).fitzpatrickSkinType(type)
                            .radiationTherapyEndDate(radiation).isotretinoinStopDate(isotretinoin)
                            .lastMicroneedlingDate(session).medications(medicines).needleDepthMm(needle);
                    given.forEach(builder::answer);
                    return builder;
                }).flatMap(builder -> energy.map(builder::energyAssisted));
    }
}
