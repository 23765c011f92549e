package org.microneedling.instructions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

import org.microneedling.common.Messages;

/**
 * The sheet's words in one language, from {@code instructions/patient-sheet*.properties}: kept apart from the
 * staff-facing messages because they are written for patients and measured for readability. A text has at most one
 * placeholder, {@code {date}}.
 */
final class PatientTexts {

    static final String BUNDLE = "instructions/patient-sheet";
    static final String DATE = "{date}";

    private static final PatientTexts ENGLISH = load(Locale.ENGLISH, "", DateTimeFormatter.ofPattern("MMMM d, uuuu",
            Locale.US));
    private static final PatientTexts SPANISH = load(Messages.SPANISH, "_es",
            DateTimeFormatter.ofPattern("d 'de' MMMM 'de' uuuu", Messages.SPANISH));

    private final Locale locale;
    private final Map<String, String> texts;
    private final DateTimeFormatter dates;

    private PatientTexts(Locale locale, Map<String, String> texts, DateTimeFormatter dates) {
        this.locale = locale;
        this.texts = texts;
        this.dates = dates;
    }

    static List<PatientTexts> all() {
        return List.of(ENGLISH, SPANISH);
    }

    static PatientTexts of(Locale locale) {
        return Messages.negotiate(List.of(locale)).equals(Messages.SPANISH) ? SPANISH : ENGLISH;
    }

    /** The first supported language the client accepts; English for none, and for a header that cannot be read. */
    static PatientTexts forLanguages(Supplier<List<Locale>> acceptable) {
        try {
            return of(Messages.negotiate(acceptable.get()));
        } catch (RuntimeException malformedHeader) {
            return ENGLISH;
        }
    }

    String language() {
        return locale.getLanguage();
    }

    Set<String> keys() {
        return texts.keySet();
    }

    boolean has(String key) {
        return texts.containsKey(key);
    }

    String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("No patient text " + key + " in " + locale);
        }
        return text;
    }

    String text(String key, LocalDate date) {
        return text(key).replace(DATE, dates.format(date));
    }

    private static PatientTexts load(Locale locale, String suffix, DateTimeFormatter dates) {
        String resource = BUNDLE + suffix + ".properties";
        Properties properties = new Properties();
        try (InputStream in = PatientTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
        return new PatientTexts(locale, Map.copyOf(texts), dates);
    }
}
