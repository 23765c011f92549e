package org.microneedling.instructions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Every sentence the sheet can show, in both languages, headings and the page's own words included, measured as the
 * contract asks: English at US grade 8 or below on average and no sentence above grade 12 (Flesch–Kincaid), Spanish
 * at 70 or above on the Fernández-Huerta scale, sentence by sentence. Dates are filled in with the longest month.
 */
class PatientTextReadabilityTest {

    static final LocalDate LONGEST_DATE = LocalDate.of(2027, 9, 30);

    private static List<String> sentencesOf(PatientTexts texts) {
        List<String> sentences = new ArrayList<>();
        for (String key : new TreeSet<>(texts.keys())) {
            sentences.addAll(Readability.sentences(texts.text(key, LONGEST_DATE)));
        }
        return sentences;
    }

    @Test
    void everyEnglishSentenceIsAtGradeTwelveOrBelowAndTheMeanAtGradeEightOrBelow() {
        List<String> sentences = sentencesOf(PatientTexts.of(Locale.ENGLISH));
        List<String> tooHard = new ArrayList<>();
        double total = 0;
        for (String sentence : sentences) {
            double grade = Readability.fleschKincaidGrade(Readability.english(sentence));
            total += grade;
            if (grade > 12) {
                tooHard.add(String.format(Locale.ROOT, "%.1f  %s", grade, sentence));
            }
        }
        double mean = total / sentences.size();
        assertThat(sentences).hasSizeGreaterThan(100);
        assertThat(tooHard).as("English sentences above grade 12").isEmpty();
        assertThat(mean).as("mean Flesch–Kincaid grade of %d English sentences", sentences.size())
                .isLessThanOrEqualTo(8.0);
    }

    @Test
    void everySpanishSentenceScoresSeventyOrAboveOnFernandezHuerta() {
        List<String> sentences = sentencesOf(PatientTexts.of(Locale.forLanguageTag("es")));
        List<String> tooHard = new ArrayList<>();
        for (String sentence : sentences) {
            double score = Readability.fernandezHuerta(Readability.spanish(sentence));
            if (score < 70) {
                tooHard.add(String.format(Locale.ROOT, "%.1f  %s", score, sentence));
            }
        }
        assertThat(sentences).hasSizeGreaterThan(100);
        assertThat(tooHard).as("Spanish sentences below 70").isEmpty();
    }

    @Test
    void aHardSentenceFailsTheMeasure() {
        String english = "Postinflammatory hyperpigmentation necessitates meticulous photoprotection.";
        String spanish = "La hiperpigmentación postinflamatoria requiere una fotoprotección meticulosa.";
        assertThat(Readability.fleschKincaidGrade(Readability.english(english))).isGreaterThan(12);
        assertThat(Readability.fernandezHuerta(Readability.spanish(spanish))).isLessThan(70);
    }
}
