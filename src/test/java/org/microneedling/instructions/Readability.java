package org.microneedling.instructions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * The two readability scores the contract names, over sentences: Flesch–Kincaid grade for English and
 * Fernández-Huerta for Spanish. A word is a run of letters or digits (a hyphenated word is one word); a numeral is
 * read aloud, and counted as that many syllables (see {@link #numeralSyllables}).
 */
final class Readability {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[\\s,;:()«»“”\"¿?¡!.]+");

    /** Words and syllables of one sentence. */
    record Counts(int words, int syllables) {

        double syllablesPerWord() {
            return (double) syllables / words;
        }
    }

    private Readability() {
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.strip())) {
            if (!sentence.isBlank()) {
                sentences.add(sentence.strip());
            }
        }
        return sentences;
    }

    static List<String> words(String sentence) {
        List<String> words = new ArrayList<>();
        for (String token : WORD_SEPARATOR.split(sentence)) {
            if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words.add(token);
            }
        }
        return words;
    }

    static Counts english(String sentence) {
        return counts(sentence, EnglishSyllables::count);
    }

    static Counts spanish(String sentence) {
        return counts(sentence, SpanishSyllables::count);
    }

    /** Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
    static double fleschKincaidGrade(Counts sentence) {
        return 0.39 * sentence.words() + 11.8 * sentence.syllablesPerWord() - 15.59;
    }

    /** Fernández-Huerta: 206.84 − 60 × syllables per word − 1.02 × words per sentence. */
    static double fernandezHuerta(Counts sentence) {
        return 206.84 - 60 * sentence.syllablesPerWord() - 1.02 * sentence.words();
    }

    /**
     * A numeral as it is read aloud, approximately: one syllable per digit and one more for a number of four digits
     * or more (2027 is "two thousand twenty-seven", five syllables). Numerals only appear in dates here.
     */
    static int numeralSyllables(String digits) {
        return digits.length() + (digits.length() >= 4 ? 1 : 0);
    }

    private static Counts counts(String sentence, ToIntFunction<String> syllablesOfWord) {
        int words = 0;
        int syllables = 0;
        for (String word : words(sentence)) {
            words++;
            for (String part : word.split("-")) {
                if (part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
                    syllables += numeralSyllables(part);
                } else {
                    syllables += syllablesOfWord.applyAsInt(part);
                }
            }
        }
        if (words == 0) {
            throw new IllegalArgumentException("No word in: " + sentence);
        }
        return new Counts(words, syllables);
    }
}
