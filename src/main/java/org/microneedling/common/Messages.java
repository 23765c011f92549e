package org.microneedling.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * Staff-facing texts in the languages the service speaks, from {@code i18n/messages*.properties}.
 * Codes and JSON paths are never translated; only the words around them are. Every pattern goes
 * through {@link MessageFormat}, so a literal apostrophe is written twice.
 */
public final class Messages {

    public static final Locale DEFAULT_LOCALE = Locale.ENGLISH;
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, SPANISH);
    static final String BUNDLE = "i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Locale locale) {
        return new Messages(supported(locale));
    }

    /** The first supported language among those the client accepts, in its order of preference. */
    public static Locale negotiate(List<Locale> acceptable) {
        for (Locale candidate : acceptable) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(candidate.getLanguage())) {
                    return supported;
                }
            }
        }
        return DEFAULT_LOCALE;
    }

    /** The language for a request, from its Accept-Language header; English when none is supported. */
    public static Messages forRequest(HttpHeaders headers) {
        try {
            return of(negotiate(headers.getAcceptableLanguages()));
        } catch (RuntimeException malformedHeader) {
            return of(DEFAULT_LOCALE);
        }
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No message for key " + key + " in " + locale, e);
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }

    private static Locale supported(Locale locale) {
        return negotiate(locale == null ? List.of() : List.of(locale));
    }
}
