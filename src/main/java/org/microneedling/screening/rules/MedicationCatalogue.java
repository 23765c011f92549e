package org.microneedling.screening.rules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The medicines the screening recognises, read from {@code medications.tsv}, and the matching of
 * free-text medication lines against them: case-insensitive, whole words only, so that a brand
 * inside a longer word never counts. A word is a run of letters: digits end it too, because doses
 * are often glued to the name ("Eliquis5mg", "warfarin-5") and an anticoagulant must not pass
 * unnoticed for want of a space. A medications list holds current medicines, so negations such
 * as "stopped warfarin" are deliberately not interpreted; staff clarify those with the provider.
 */
public final class MedicationCatalogue {

    static final String RESOURCE = "medications.tsv";
    /** How a medication line is cut into words; part of the ruleset digest. */
    static final String WORD_BOUNDARIES = "letters-only";

    private final List<MedicationEntry> entries;
    private final Map<String, Name> namesByWords = new HashMap<>();
    /** First words of every name: a line is only searched where one of them starts. */
    private final Set<String> firstWords = new HashSet<>();
    private final int longestName;
    private final byte[] content;

    private record Name(String spelling, MedicationEntry entry) {
    }

    private MedicationCatalogue(List<MedicationEntry> entries, byte[] content) {
        this.entries = List.copyOf(entries);
        this.content = content;
        int longest = 1;
        for (MedicationEntry entry : entries) {
            for (String name : entry.names()) {
                List<String> words = words(name);
                longest = Math.max(longest, words.size());
                firstWords.add(words.get(0));
                Name previous = namesByWords.put(String.join(" ", words), new Name(name, entry));
                if (previous != null) {
                    throw new IllegalArgumentException("Medication name listed twice: " + name);
                }
            }
        }
        this.longestName = longest;
    }

    public static MedicationCatalogue load() {
        return parse(DataTable.read(RESOURCE));
    }

    static MedicationCatalogue parse(byte[] content) {
        List<MedicationEntry> entries = new ArrayList<>();
        for (DataTable.Line line : DataTable.lines(RESOURCE, content, 4)) {
            List<String> names = Arrays.stream(line.column(3).split(",")).map(String::trim)
                    .filter(name -> !name.isEmpty()).toList();
            entries.add(new MedicationEntry(MedicationClass.valueOf(line.column(0)), line.column(1), line.column(2),
                    names));
        }
        return new MedicationCatalogue(entries, content);
    }

    public List<MedicationEntry> entries() {
        return entries;
    }

    /** The data file's SHA-256, so that a change of the list changes the ruleset digest. */
    public byte[] sha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every recognised medicine in every line, in list order; each medicine at most once per line. */
    public List<MedicationMatch> recognise(List<String> medications) {
        List<MedicationMatch> matches = new ArrayList<>();
        for (int index = 0; index < medications.size(); index++) {
            String text = medications.get(index);
            if (text == null) {
                continue;
            }
            Set<MedicationEntry> seen = null;
            List<String> words = words(text);
            for (int start = 0; start < words.size(); start++) {
                if (!firstWords.contains(words.get(start))) {
                    continue;
                }
                for (int length = Math.min(longestName, words.size() - start); length >= 1; length--) {
                    Name name = namesByWords.get(length == 1
                            ? words.get(start)
                            : String.join(" ", words.subList(start, start + length)));
                    if (name != null) {
                        if (seen == null) {
                            seen = new LinkedHashSet<>();
                        }
                        if (seen.add(name.entry())) {
                            matches.add(new MedicationMatch(index, text, name.spelling(), name.entry()));
                        }
                        start += length - 1;
                        break;
                    }
                }
            }
        }
        return matches;
    }

    /** Splits text into lower-case runs of letters; digits, punctuation and spaces end a word. */
    static List<String> words(String original) {
        // Lower-cased once, not word by word.
        String text = original.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i <= text.length()) {
            int codePoint = i < text.length() ? text.codePointAt(i) : -1;
            boolean letter = codePoint >= 0 && Character.isLetter(codePoint);
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
            i += codePoint >= 0 ? Character.charCount(codePoint) : 1;
        }
        return words;
    }
}
