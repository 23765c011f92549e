package org.microneedling.instructions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The counters behind the readability scores, on words whose syllables a dictionary gives. */
class SyllablesTest {

    @ParameterizedTest(name = "{0} has {1} syllable(s)")
    @CsvSource({
            "the, 1", "skin, 1", "day, 1", "makes, 1", "sores, 1", "burned, 1", "used, 1", "glands, 1", "make, 1",
            "gentle, 2", "table, 2", "visit, 2", "wanted, 2", "needed, 2", "patches, 2", "bruises, 2", "causes, 2",
            "prescribed, 2", "agree, 2", "redness, 2", "swelling, 2", "several, 3", "clinic's, 2", "don't, 1",
            "treatment, 2", "medicine, 3", "collagen, 3", "sunscreen, 2", "radiation, 4", "medium, 3",
            "infection, 3", "emergency, 4", "microneedling, 4", "yes, 1", "your, 1",
            "fluid, 2", "breastfeed, 2", "services, 3" })
    void englishWords(String word, int syllables) {
        assertThat(EnglishSyllables.count(word)).isEqualTo(syllables);
    }

    @ParameterizedTest(name = "{0} tiene {1} sílaba(s)")
    @CsvSource({
            "y, 1", "sol, 1", "que, 1", "piel, 1", "hoy, 1", "muy, 1", "cita, 2", "aire, 2", "ciudad, 2",
            "agua, 2", "guerra, 2", "quiero, 2", "cuidado, 3", "pingüino, 3", "día, 2", "país, 2", "leer, 2",
            "creer, 2", "oído, 3", "ahora, 3", "tratamiento, 4", "clínica, 3", "isotretinoína, 7", "evaluación, 4",
            "hinchazón, 3", "ampollas, 3", "después, 2", "seguir, 2", "huí, 2", "reúne, 3", "línea, 3",
            "medicinas, 4", "radiación, 3", "antiviral, 4", "ibuprofeno, 5", "ganglios, 2" })
    void spanishWords(String word, int syllables) {
        assertThat(SpanishSyllables.count(word)).isEqualTo(syllables);
    }

    @ParameterizedTest(name = "{0} read aloud: {1} syllable(s)")
    @CsvSource({ "4, 1", "12, 2", "2027, 5" })
    void numerals(String digits, int syllables) {
        assertThat(Readability.numeralSyllables(digits)).isEqualTo(syllables);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "The cat sat on the mat.|6|6",
            "Call the clinic if a cold sore starts.|8|9",
            "Wash with a mild, gentle cleanser.|6|8" })
    void englishSentenceCounts(String sentence, int words, int syllables) {
        assertThat(Readability.english(sentence)).isEqualTo(new Readability.Counts(words, syllables));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Llame a la clínica si tiene fiebre.|7|12",
            "¿Qué pasa ahora?|3|6" })
    void spanishSentenceCounts(String sentence, int words, int syllables) {
        assertThat(Readability.spanish(sentence)).isEqualTo(new Readability.Counts(words, syllables));
    }
}
