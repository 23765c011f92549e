package org.microneedling.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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
    /** One instance per language: every request used to look its bundle up and parse every pattern again. */
    private static final Map<Locale, Messages> BY_LOCALE = new ConcurrentHashMap<>();

    private final ResourceBundle bundle;
    private final Locale locale;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    /** A parsed pattern, or the finished text when the pattern has no arguments. */
    private record Compiled(MessageFormat format, String constant) {
    }

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Locale locale) {
        return BY_LOCALE.computeIfAbsent(supported(locale), Messages::new);
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
        return forLanguages(headers::getAcceptableLanguages);
    }

    /**
     * The language among those a client accepts. A malformed Accept-Language header must not fail the request
     * it came with, so it reads as "no preference".
     */
    public static Messages forLanguages(Supplier<List<Locale>> acceptable) {
        try {
            return of(negotiate(acceptable.get()));
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
        Compiled message = compiled.computeIfAbsent(key, this::compile);
        if (message.constant() != null) {
            return message.constant();
        }
        // MessageFormat is not thread-safe; a clone of the parsed pattern is much cheaper than parsing it again.
        return ((MessageFormat) message.format().clone()).format(arguments);
    }

    private Compiled compile(String key) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No message for key " + key + " in " + locale, e);
        }
        MessageFormat format = new MessageFormat(pattern, locale);
        return pattern.indexOf('{') < 0 ? new Compiled(null, format.format(new Object[0])) : new Compiled(format, null);
    }

    private static Locale supported(Locale locale) {
        return negotiate(locale == null ? List.of() : List.of(locale));
    }
}
