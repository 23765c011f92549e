package org.microneedling.instructions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microneedling.screening.rules.Outcome.ELIGIBLE;
import static org.microneedling.screening.rules.Outcome.INELIGIBLE;
import static org.microneedling.screening.rules.Outcome.REFER_TO_PROVIDER;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.microneedling.instructions.InstructionSheet.Item;
import org.microneedling.instructions.InstructionSheet.Section;
import org.microneedling.instructions.StoredDecision.Reason;
import org.microneedling.screening.rules.Advisory;
import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Rule;
import org.microneedling.screening.rules.Ruleset;

/** What a sheet says for a decision and a status: the tailoring, and what a status may never show. */
class SheetBuilderTest {

    static final PatientTexts ENGLISH = PatientTexts.of(Locale.ENGLISH);
    static final PatientTexts SPANISH = PatientTexts.of(Locale.forLanguageTag("es"));
    static final Set<String> TREATMENT_SECTIONS = Set.of("before", "day-of-treatment", "after", "results",
            "side-effects");

    static StoredDecision decision(Outcome outcome, List<Reason> reasons, String... advisories) {
        return new StoredDecision(UUID.randomUUID(), outcome, reasons, List.of(advisories), null);
    }

    static Reason reason(String code, Outcome outcome) {
        return new Reason(code, outcome, null);
    }

    static Reason reason(String code, Outcome outcome, String reassessAfter) {
        return new Reason(code, outcome, LocalDate.parse(reassessAfter));
    }

    static InstructionSheet english(StoredDecision decision, PatientStatus status) {
        return SheetBuilder.build(decision, status, ENGLISH);
    }

    static Section section(InstructionSheet sheet, String id) {
        return sheet.sections().stream().filter(section -> section.id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError("no section " + id + " in " + sheet.sections().stream().map(Section::id)
                        .toList()));
    }

    static List<String> texts(InstructionSheet sheet) {
        return sheet.sections().stream().flatMap(section -> section.items().stream()).map(Item::text).toList();
    }

    static Item item(InstructionSheet sheet, String sectionId, String key) {
        String text = ENGLISH.text(key);
        return section(sheet, sectionId).items().stream().filter(item -> item.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " in " + sectionId));
    }

    /** Every text a status must never show, because it speaks as if the patient were being treated. */
    static Set<String> treatmentTexts(PatientTexts texts) {
        return PatientInstructions.ITEMS.stream()
                .filter(instruction -> instruction.statuses() == PatientInstructions.MAY_BE_TREATED)
                .map(instruction -> texts.text(instruction.key())).collect(Collectors.toSet());
    }

    @Test
    void aColdSoreHistoryTellsThatThePrescriberMayGiveAnAntiviralBeforeTheVisit() {
        InstructionSheet sheet = english(decision(REFER_TO_PROVIDER, List.of(reason("COLD_SORE_HISTORY",
                REFER_TO_PROVIDER))), PatientStatus.PENDING_REVIEW);

        assertThat(item(sheet, "before", "before.antiviral").because()).containsExactly("COLD_SORE_HISTORY");
        assertThat(item(sheet, "after", "after.cold-sore").because()).containsExactly("COLD_SORE_HISTORY");
        assertThat(item(sheet, "next-steps", "next.reason.COLD_SORE_HISTORY").because())
                .containsExactly("COLD_SORE_HISTORY");
        assertThat(section(sheet, "next-steps").items().get(0))
                .isEqualTo(new Item(ENGLISH.text("next.status.PENDING_REVIEW"), List.of("COLD_SORE_HISTORY")));
        assertThat(sheet.status()).isEqualTo(PatientStatus.PENDING_REVIEW);
    }

    @Test
    void withoutAColdSoreHistoryThereIsNoAntiviral() {
        InstructionSheet sheet = english(decision(ELIGIBLE, List.of()), PatientStatus.ELIGIBLE);

        assertThat(texts(sheet)).doesNotContain(ENGLISH.text("before.antiviral"), ENGLISH.text("after.cold-sore"));
        assertThat(sheet.sections()).extracting(Section::id).containsExactly("next-steps", "before",
                "day-of-treatment", "after", "results", "side-effects", "call-the-clinic");
    }

    @Test
    void darkerSkinGetsExtraSunCareAndTheWordOnPigmentation() {
        InstructionSheet sheet = english(decision(REFER_TO_PROVIDER, List.of(reason("PIGMENTATION_RISK",
                REFER_TO_PROVIDER))), PatientStatus.CLEARED);

        assertThat(item(sheet, "before", "before.sun-extra").because()).containsExactly("PIGMENTATION_RISK");
        assertThat(item(sheet, "after", "after.sun-extra").because()).containsExactly("PIGMENTATION_RISK");
        assertThat(item(sheet, "side-effects", "side.pigment").because()).containsExactly("PIGMENTATION_RISK");
        assertThat(texts(sheet)).as("a cleared referral is not explained as still waiting")
                .doesNotContain(ENGLISH.text("next.reason.PIGMENTATION_RISK"));
    }

    @Test
    void anAdvisoryTailorsTheSheetOfAnEligiblePatient() {
        InstructionSheet sheet = english(decision(ELIGIBLE, List.of(), "ENERGY_ASSISTED_BURN_RISK"),
                PatientStatus.ELIGIBLE);

        assertThat(item(sheet, "day-of-treatment", "day.energy").because())
                .containsExactly("ENERGY_ASSISTED_BURN_RISK");
        assertThat(item(sheet, "call-the-clinic", "call.burn").because()).containsExactly("ENERGY_ASSISTED_BURN_RISK");
    }

    @Test
    void anIneligibleSheetSaysNotNowGivesTheDateToAskAgainAndNoAftercare() {
        InstructionSheet sheet = english(decision(INELIGIBLE, List.of(
                reason("TOO_SOON_SINCE_LAST_SESSION", INELIGIBLE, "2026-12-20"),
                reason("RECENT_RADIATION", INELIGIBLE, "2027-03-01"),
                reason("BELOW_TYPICAL_AGE", REFER_TO_PROVIDER, "2027-06-10"))), PatientStatus.INELIGIBLE);

        assertThat(sheet.sections()).extracting(Section::id).containsExactly("next-steps", "call-the-clinic");
        assertThat(section(sheet, "next-steps").items()).contains(
                new Item("Microneedling is not right for you at this time.",
                        List.of("TOO_SOON_SINCE_LAST_SESSION", "RECENT_RADIATION")),
                new Item("That wait ends on December 20, 2026.", List.of("TOO_SOON_SINCE_LAST_SESSION")),
                new Item("That wait ends on March 1, 2027.", List.of("RECENT_RADIATION")),
                new Item("You can ask for a new screening from March 1, 2027.",
                        List.of("TOO_SOON_SINCE_LAST_SESSION", "RECENT_RADIATION")));
        assertThat(texts(sheet)).doesNotContainAnyElementsOf(treatmentTexts(ENGLISH));
        assertThat(section(sheet, "call-the-clinic").items()).extracting(Item::text)
                .containsExactly(ENGLISH.text("call.questions"));
    }

    @Test
    void anIneligibleReasonWithoutADateLeavesNoDateToAskAgain() {
        InstructionSheet sheet = english(decision(INELIGIBLE, List.of(reason("ECZEMA", INELIGIBLE),
                reason("TOO_SOON_SINCE_LAST_SESSION", INELIGIBLE, "2026-12-20"))), PatientStatus.INELIGIBLE);

        assertThat(texts(sheet)).noneMatch(text -> text.startsWith("You can ask for a new screening"))
                .contains(ENGLISH.text("next.reason.ECZEMA"), ENGLISH.text("next.other-options"));
    }

    @Test
    void theSpanishSheetGivesTheDateTheSpanishWay() {
        InstructionSheet sheet = SheetBuilder.build(decision(INELIGIBLE, List.of(
                reason("TOO_SOON_SINCE_LAST_SESSION", INELIGIBLE, "2026-12-20"))), PatientStatus.INELIGIBLE, SPANISH);

        assertThat(sheet.language()).isEqualTo("es");
        assertThat(texts(sheet)).contains("Esto ya no cuenta a partir del 20 de diciembre de 2026.",
                "A partir del 20 de diciembre de 2026 puede pedir que le vean de nuevo.");
        assertThat(section(sheet, "next-steps").title()).isEqualTo("Qué pasa ahora");
    }

    @Test
    void anEligibleResultWithAValidityDateSaysUntilWhenItIsGood() {
        StoredDecision eligible = new StoredDecision(UUID.randomUUID(), ELIGIBLE, List.of(), List.of(),
                LocalDate.of(2026, 12, 25));

        assertThat(section(english(eligible, PatientStatus.ELIGIBLE), "next-steps").items()).contains(
                new Item("You can book with this result until December 25, 2026.", List.of()));
    }

    @ParameterizedTest
    @EnumSource(value = PatientStatus.class, names = { "INELIGIBLE", "DECLINED", "EXPIRED" })
    void aPatientWhoWillNotBeTreatedOnThisScreeningGetsNoAftercare(PatientStatus status) {
        for (PatientTexts texts : PatientTexts.all()) {
            InstructionSheet sheet = SheetBuilder.build(everyCode(status == PatientStatus.INELIGIBLE ? INELIGIBLE
                    : status == PatientStatus.EXPIRED ? ELIGIBLE : REFER_TO_PROVIDER), status, texts);

            assertThat(sheet.sections()).extracting(Section::id).doesNotContainAnyElementsOf(TREATMENT_SECTIONS);
            assertThat(texts(sheet)).doesNotContainAnyElementsOf(treatmentTexts(texts));
        }
    }

    @ParameterizedTest
    @EnumSource(PatientStatus.class)
    void everyItemIsGeneralOrNamesOnlyCodesOfTheDecision(PatientStatus status) {
        StoredDecision decision = everyCode(status == PatientStatus.INELIGIBLE ? INELIGIBLE : REFER_TO_PROVIDER);
        Set<String> codes = Stream.concat(decision.reasons().stream().map(Reason::code),
                decision.advisoryCodes().stream()).collect(Collectors.toSet());
        Set<String> general = PatientInstructions.ITEMS.stream().filter(Instruction::isGeneral)
                .map(instruction -> ENGLISH.text(instruction.key())).collect(Collectors.toSet());
        general.add(ENGLISH.text("next.status." + status.name()));

        for (Section section : english(decision, status).sections()) {
            for (Item item : section.items()) {
                assertThat(codes).as(item.text()).containsAll(item.because());
                if (!general.contains(item.text())) {
                    assertThat(item.because()).as("tailored: " + item.text()).isNotEmpty();
                }
            }
        }
    }

    @Test
    void everyReasonCodeOfTheRulesIsExplainedInBothLanguages() {
        for (Rule rule : Ruleset.defaults().rules()) {
            for (PatientTexts texts : PatientTexts.all()) {
                assertThat(texts.has("next.reason." + rule.code())).as(texts.language() + " " + rule.code()).isTrue();
            }
        }
    }

    @Test
    void everyAdvisoryTailorsSomeItemAndEveryCodeNamedIsARealOne() {
        Set<String> ruleCodes = Ruleset.defaults().rules().stream().map(Rule::code).collect(Collectors.toSet());
        Set<String> advisoryCodes = Ruleset.defaults().advisories().stream().map(Advisory::code)
                .collect(Collectors.toSet());
        Set<String> named = PatientInstructions.ITEMS.stream().flatMap(instruction -> instruction.codes().stream())
                .collect(Collectors.toSet());

        assertThat(named).containsAll(advisoryCodes);
        assertThat(Stream.concat(ruleCodes.stream(), advisoryCodes.stream()).toList()).containsAll(named);
        for (PatientTexts texts : PatientTexts.all()) {
            for (String key : texts.keys()) {
                if (key.startsWith("next.reason.") || key.startsWith("next.until.") && !key.endsWith(".other")) {
                    assertThat(ruleCodes).as(key).contains(key.substring(key.lastIndexOf('.') + 1));
                }
            }
        }
    }

    @Test
    void everyTextIsUsedAndBothLanguagesHaveTheSameTextsWithTheSamePlaceholder() {
        Set<String> used = PatientInstructions.ITEMS.stream().map(Instruction::key).collect(Collectors.toSet());
        assertThat(ENGLISH.keys()).containsAll(used).isEqualTo(SPANISH.keys());
        for (String key : ENGLISH.keys()) {
            assertThat(SPANISH.text(key)).as(key).isNotEqualTo(ENGLISH.text(key));
            assertThat(SPANISH.text(key).contains(PatientTexts.DATE)).as("{date} in " + key)
                    .isEqualTo(ENGLISH.text(key).contains(PatientTexts.DATE));
        }
        Set<String> statuses = EnumSet.allOf(PatientStatus.class).stream().map(s -> "next.status." + s.name())
                .collect(Collectors.toSet());
        assertThat(ENGLISH.keys()).containsAll(statuses);
    }

    @Test
    void aCodeFromALaterRulesetIsCoveredByTheStatusLineAlone() {
        InstructionSheet sheet = english(decision(REFER_TO_PROVIDER, List.of(reason("SOME_FUTURE_CODE",
                REFER_TO_PROVIDER))), PatientStatus.PENDING_REVIEW);

        assertThat(section(sheet, "next-steps").items()).extracting(Item::because)
                .containsExactly(List.of("SOME_FUTURE_CODE"));
    }

    /** Every reason code at the given outcome, a date on those that can have one, and every advisory. */
    static StoredDecision everyCode(Outcome outcome) {
        if (outcome == ELIGIBLE) {
            return decision(ELIGIBLE, List.of(), Ruleset.defaults().advisories().stream().map(Advisory::code)
                    .toArray(String[]::new));
        }
        LocalDate later = LocalDate.of(2027, 9, 30);
        List<Reason> reasons = Ruleset.defaults().rules().stream()
                .map(rule -> new Reason(rule.code(), outcome, ENGLISH.has("next.until." + rule.code()) ? later : null))
                .toList();
        return decision(outcome, reasons, Ruleset.defaults().advisories().stream().map(Advisory::code)
                .toArray(String[]::new));
    }
}
