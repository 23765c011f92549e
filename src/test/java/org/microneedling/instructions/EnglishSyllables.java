package org.microneedling.instructions;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syllables of an English word by the usual spelling heuristic: vowel groups, less a silent final e or a silent -es
 * or -ed ending, plus the syllable of a consonant + le ending. Good to within a syllable on nearly every word, which
 * is all a readability formula needs.
 */
final class EnglishSyllables {

    private static final Pattern VOWEL_GROUP = Pattern.compile("[aeiouy]+");
    private static final Pattern CONSONANT_LE = Pattern.compile(".*[^aeiouy]le$");
    /** -es is a syllable after a sibilant (patches, bruises, causes) and silent elsewhere (makes, sores). */
    private static final Pattern SILENT_ES = Pattern.compile(".*[^aeiouy]es$");
    private static final Pattern SOUNDED_ES = Pattern.compile(".*(s|x|z|ch|sh|g|c)es$");
    /** -ed is a syllable after t or d (wanted, needed) and silent elsewhere (burned, prescribed). */
    private static final Pattern SILENT_ED = Pattern.compile(".*[^td]ed$");
    /** Pairs of vowels that English mostly says as two syllables: medium, area, radiation, fluid. */
    private static final Pattern SPLIT_PAIR = Pattern.compile("ia|iu|eo(?!u)|ua(?!r)|ui(?=[dt])|io(?!n|u)");

    private EnglishSyllables() {
    }

    static int count(String word) {
        String letters = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (letters.isEmpty()) {
            return 0;
        }
        if (letters.length() <= 3) {
            return 1;
        }
        String stem = letters;
        if (SILENT_ES.matcher(stem).matches() && !SOUNDED_ES.matcher(stem).matches()) {
            stem = stem.substring(0, stem.length() - 2);
        } else if (SILENT_ED.matcher(stem).matches()) {
            stem = stem.substring(0, stem.length() - 2);
        } else if (stem.endsWith("e") && !stem.endsWith("ee") && !CONSONANT_LE.matcher(stem).matches()) {
            stem = stem.substring(0, stem.length() - 1);
        }
        if (stem.startsWith("y")) {
            stem = stem.substring(1);
        }
        int syllables = 0;
        Matcher groups = VOWEL_GROUP.matcher(stem);
        while (groups.find()) {
            syllables++;
            // The lookaheads of a pair may look past its vowel group (radiation, fluid).
            Matcher pairs = SPLIT_PAIR.matcher(stem).region(groups.start(), groups.end()).useTransparentBounds(true);
            while (pairs.find()) {
                syllables++;
            }
        }
        return Math.max(1, syllables);
    }
}
