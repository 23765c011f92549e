package org.microneedling.instructions;

import java.util.Locale;

/**
 * Syllables of a Spanish word from its vowel nuclei. Adjacent vowels share a syllable (a diphthong: aire, ciudad)
 * unless both are strong (a, e, o: leer, creer) or one is a stressed i or u (día, país, oído), which splits them
 * (a hiatus). The u of que, qui, gue and gui is not sounded; a final y after a vowel is one (hoy, muy); the h is
 * silent and does not split a diphthong (ahumado).
 */
final class SpanishSyllables {

    private SpanishSyllables() {
    }

    static int count(String word) {
        String letters = word.toLowerCase(new Locale("es")).replaceAll("[^a-záéíóúüñ]", "");
        if (letters.isEmpty()) {
            return 0;
        }
        StringBuilder nuclei = new StringBuilder();
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            char previous = i > 0 ? letters.charAt(i - 1) : ' ';
            char next = i + 1 < letters.length() ? letters.charAt(i + 1) : ' ';
            if (c == 'u' && (previous == 'q' || previous == 'g') && (next == 'e' || next == 'i' || next == 'é'
                    || next == 'í')) {
                nuclei.append('-');
            } else if (c == 'y' && i == letters.length() - 1 && i > 0 && isVowel(previous)) {
                nuclei.append('i');
            } else if (c == 'y' && letters.length() == 1) {
                nuclei.append('i');
            } else if (c == 'h') {
                continue;
            } else {
                nuclei.append(isVowel(c) ? c : '-');
            }
        }
        int syllables = 0;
        char before = '-';
        for (int i = 0; i < nuclei.length(); i++) {
            char c = nuclei.charAt(i);
            if (c == '-') {
                before = c;
                continue;
            }
            if (before == '-' || (strong(before) && strong(c)) || stressedWeak(before) || stressedWeak(c)) {
                syllables++;
            }
            before = c;
        }
        return Math.max(1, syllables);
    }

    private static boolean isVowel(char c) {
        return "aeiouáéíóúü".indexOf(c) >= 0;
    }

    private static boolean strong(char vowel) {
        return "aeoáéó".indexOf(vowel) >= 0;
    }

    /** A stressed i or u is said apart from any vowel beside it. */
    private static boolean stressedWeak(char vowel) {
        return vowel == 'í' || vowel == 'ú';
    }
}
