package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MedicationCatalogueTest {

    private static final MedicationCatalogue CATALOGUE = MedicationCatalogue.load();

    /** The contract's "Recognised medicines", typed here independently of medications.tsv. */
    static Stream<Arguments> contractNames() {
        return Stream.of(
                Arguments.of("warfarin", "warfarin", MedicationClass.ANTICOAGULANT),
                Arguments.of("Coumadin", "warfarin", MedicationClass.ANTICOAGULANT),
                Arguments.of("Jantoven", "warfarin", MedicationClass.ANTICOAGULANT),
                Arguments.of("heparin", "heparin", MedicationClass.ANTICOAGULANT),
                Arguments.of("enoxaparin", "enoxaparin", MedicationClass.ANTICOAGULANT),
                Arguments.of("Lovenox", "enoxaparin", MedicationClass.ANTICOAGULANT),
                Arguments.of("dalteparin", "dalteparin", MedicationClass.ANTICOAGULANT),
                Arguments.of("Fragmin", "dalteparin", MedicationClass.ANTICOAGULANT),
                Arguments.of("fondaparinux", "fondaparinux", MedicationClass.ANTICOAGULANT),
                Arguments.of("Arixtra", "fondaparinux", MedicationClass.ANTICOAGULANT),
                Arguments.of("apixaban", "apixaban", MedicationClass.ANTICOAGULANT),
                Arguments.of("Eliquis", "apixaban", MedicationClass.ANTICOAGULANT),
                Arguments.of("rivaroxaban", "rivaroxaban", MedicationClass.ANTICOAGULANT),
                Arguments.of("Xarelto", "rivaroxaban", MedicationClass.ANTICOAGULANT),
                Arguments.of("dabigatran", "dabigatran", MedicationClass.ANTICOAGULANT),
                Arguments.of("Pradaxa", "dabigatran", MedicationClass.ANTICOAGULANT),
                Arguments.of("edoxaban", "edoxaban", MedicationClass.ANTICOAGULANT),
                Arguments.of("Savaysa", "edoxaban", MedicationClass.ANTICOAGULANT),
                Arguments.of("clopidogrel", "clopidogrel", MedicationClass.ANTIPLATELET),
                Arguments.of("Plavix", "clopidogrel", MedicationClass.ANTIPLATELET),
                Arguments.of("prasugrel", "prasugrel", MedicationClass.ANTIPLATELET),
                Arguments.of("Effient", "prasugrel", MedicationClass.ANTIPLATELET),
                Arguments.of("ticagrelor", "ticagrelor", MedicationClass.ANTIPLATELET),
                Arguments.of("Brilinta", "ticagrelor", MedicationClass.ANTIPLATELET),
                Arguments.of("dipyridamole", "dipyridamole", MedicationClass.ANTIPLATELET),
                Arguments.of("Persantine", "dipyridamole", MedicationClass.ANTIPLATELET),
                Arguments.of("Aggrenox", "dipyridamole", MedicationClass.ANTIPLATELET),
                Arguments.of("cilostazol", "cilostazol", MedicationClass.ANTIPLATELET),
                Arguments.of("Pletal", "cilostazol", MedicationClass.ANTIPLATELET),
                Arguments.of("ticlopidine", "ticlopidine", MedicationClass.ANTIPLATELET),
                Arguments.of("aspirin", "aspirin", MedicationClass.ASPIRIN),
                Arguments.of("acetylsalicylic acid", "aspirin", MedicationClass.ASPIRIN),
                Arguments.of("ASA", "aspirin", MedicationClass.ASPIRIN),
                Arguments.of("Ecotrin", "aspirin", MedicationClass.ASPIRIN),
                Arguments.of("ibuprofen", "ibuprofen", MedicationClass.NSAID),
                Arguments.of("Advil", "ibuprofen", MedicationClass.NSAID),
                Arguments.of("Motrin", "ibuprofen", MedicationClass.NSAID),
                Arguments.of("naproxen", "naproxen", MedicationClass.NSAID),
                Arguments.of("Aleve", "naproxen", MedicationClass.NSAID),
                Arguments.of("Naprosyn", "naproxen", MedicationClass.NSAID),
                Arguments.of("diclofenac", "diclofenac", MedicationClass.NSAID),
                Arguments.of("Voltaren", "diclofenac", MedicationClass.NSAID),
                Arguments.of("celecoxib", "celecoxib", MedicationClass.NSAID),
                Arguments.of("Celebrex", "celecoxib", MedicationClass.NSAID),
                Arguments.of("meloxicam", "meloxicam", MedicationClass.NSAID),
                Arguments.of("Mobic", "meloxicam", MedicationClass.NSAID),
                Arguments.of("ketorolac", "ketorolac", MedicationClass.NSAID),
                Arguments.of("Toradol", "ketorolac", MedicationClass.NSAID),
                Arguments.of("indomethacin", "indomethacin", MedicationClass.NSAID),
                Arguments.of("Indocin", "indomethacin", MedicationClass.NSAID));
    }

    private static List<MedicationMatch> recognise(String... lines) {
        return CATALOGUE.recognise(List.of(lines));
    }

    @ParameterizedTest(name = "{0} is {1} ({2}) in any case and with punctuation")
    @MethodSource("contractNames")
    void everyContractNameIsRecognisedInFreeText(String name, String ingredient, MedicationClass medicationClass) {
        List<String> spellings = List.of(
                name + " 5 mg twice daily",
                name.toUpperCase(Locale.ROOT) + " 10MG",
                name.toLowerCase(Locale.ROOT),
                mixedCase(name) + " (as prescribed)",
                "takes " + name + ", daily",
                "\"" + name + "\";",
                "1 tablet of " + name + "/day");

        for (String line : spellings) {
            assertThat(recognise(line)).as("recognised in '%s'", line).singleElement().satisfies(match -> {
                assertThat(match.entry().ingredient()).isEqualTo(ingredient);
                assertThat(match.entry().medicationClass()).isEqualTo(medicationClass);
                assertThat(match.name()).isEqualToIgnoringCase(name);
                assertThat(match.text()).isEqualTo(line);
            });
        }
    }

    private static String mixedCase(String name) {
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            mixed.append(i % 2 == 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return mixed.toString();
    }

    @ParameterizedTest(name = "''{0}'' ⇒ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Eliquis 5 mg twice daily           | apixaban
            ACETYLSALICYLIC ACID 100 mg        | aspirin
            acetylsalicylic-acid               | aspirin
            ASA 81mg                           | aspirin
            low-dose aspirin (81 mg) daily     | aspirin
            Plavix® 75 mg                      | clopidogrel
            warfarin sodium 5mg, INR checked   | warfarin
            heparin injection                  | heparin
            Xarelto,20mg                       | rivaroxaban
            Eliquis5mg                         | apixaban
            warfarin-5                         | warfarin
            (Plavix)                           | clopidogrel
            5mg:Eliquis twice daily            | apixaban
            ASA81                              | aspirin
            coumadin2.5mg/day                  | warfarin
            """)
    void realisticLinesAreRecognised(String line, String ingredient) {
        assertThat(recognise(line)).extracting(match -> match.entry().ingredient()).containsExactly(ingredient);
    }

    @ParameterizedTest(name = "''{0}'' ⇒ nothing recognised")
    @CsvSource(delimiter = '|', textBlock = """
            Plavixx
            aspirinate
            casa
            Casablanca trip next week
            heparinoid cream
            Eliquiss
            naproxenic
            acetylsalicylic
            metformin 500 mg
            vitamin D 1000 IU
            nasal spray
            aspirinX
            Plavixx75
            5Eliquiss
            """)
    void onlyWholeWordsCount(String line) {
        assertThat(recognise(line)).isEmpty();
    }

    @ParameterizedTest(name = "{0} glued to a dose is still {0}")
    @MethodSource("contractNames")
    void aDoseGluedToANameEndsTheWord(String name, String ingredient, MedicationClass medicationClass) {
        for (String line : List.of(name + "5mg", "10" + name, name + "-5", "(" + name + ")", "2*" + name + "1")) {
            assertThat(recognise(line)).as("recognised in '%s'", line)
                    .extracting(match -> match.entry().ingredient()).containsExactly(ingredient);
        }
    }

    @Test
    void severalMedicinesInOneLineAreAllRecognisedInTextOrder() {
        assertThat(recognise("warfarin 5 mg and aspirin 81 mg, ibuprofen as needed"))
                .extracting(match -> match.entry().ingredient(), MedicationMatch::name)
                .containsExactly(tuple("warfarin", "warfarin"), tuple("aspirin", "aspirin"),
                        tuple("ibuprofen", "ibuprofen"));
    }

    @Test
    void oneMedicineNamedTwiceInALineCountsOnce() {
        assertThat(recognise("Eliquis (apixaban) 5 mg")).singleElement()
                .satisfies(match -> assertThat(match.name()).isEqualTo("Eliquis"));
    }

    @Test
    void combinationProductNamesBothIngredients() {
        assertThat(recognise("Aggrenox (aspirin/dipyridamole)"))
                .extracting(match -> match.entry().ingredient())
                .containsExactly("dipyridamole", "aspirin");
    }

    @Test
    void matchesKeepTheirLineIndexAcrossTheList() {
        List<MedicationMatch> matches = recognise("metformin 500 mg", "Eliquis 5 mg twice daily", "Advil");

        assertThat(matches).extracting(MedicationMatch::index, MedicationMatch::text)
                .containsExactly(tuple(1, "Eliquis 5 mg twice daily"), tuple(2, "Advil"));
    }

    @Test
    void evidenceNamesLineEntryAndIngredient() {
        Evidence evidence = Evidence.of(recognise("metformin 500 mg", "Eliquis 5 mg twice daily").get(0));

        assertThat(evidence.path()).isEqualTo("medications[1]");
        assertThat(evidence.value()).isEqualTo("Eliquis 5 mg twice daily");
        assertThat(evidence.medication().name()).isEqualTo("Eliquis");
        assertThat(evidence.medication().entry().ingredient()).isEqualTo("apixaban");
        assertThat(evidence.medication().entry().medicationClass()).isEqualTo(MedicationClass.ANTICOAGULANT);
    }

    @Test
    void nullAndEmptyLinesAreSkipped() {
        List<String> lines = new ArrayList<>();
        lines.add(null);
        lines.add("");
        lines.add("   ");
        lines.add("Brilinta 90 mg");

        assertThat(CATALOGUE.recognise(lines)).extracting(MedicationMatch::index).containsExactly(3);
    }

    @ParameterizedTest(name = "medications.tsv lists {0} as {1}")
    @MethodSource("contractNames")
    void dataFileListsEveryContractName(String name, String ingredient, MedicationClass medicationClass) {
        assertThat(CATALOGUE.entries())
                .filteredOn(entry -> entry.names().stream().anyMatch(listed -> listed.equalsIgnoreCase(name)))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.ingredient()).isEqualTo(ingredient);
                    assertThat(entry.medicationClass()).isEqualTo(medicationClass);
                });
    }

    @Test
    void dataFileNamesTheGenericFirst() {
        assertThat(CATALOGUE.entries()).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.names().get(0)).isEqualTo(entry.ingredient()));
    }

    @Test
    void malformedLineIsRejectedWithItsNumber() {
        byte[] content = "# comment\nANTICOAGULANT\twarfarin\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MedicationCatalogue.parse(content))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void nameListedTwiceIsRejected() {
        byte[] content = "ANTICOAGULANT\twarfarin\t\twarfarin\nASPIRIN\taspirin\t\taspirin, Warfarin\n"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MedicationCatalogue.parse(content))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Warfarin");
    }
}
