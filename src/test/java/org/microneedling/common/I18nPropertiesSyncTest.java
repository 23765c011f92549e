package org.microneedling.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every staff-facing text exists in every language the service claims to speak, with the same placeholders. */
class I18nPropertiesSyncTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nPropertiesSyncTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Properties bundleFor(Locale locale) throws IOException {
        return locale.equals(Messages.DEFAULT_LOCALE) ? load("messages.properties")
                : load("messages_" + locale.getLanguage() + ".properties");
    }

    @Test
    void everyEnglishKeyHasASpanishTranslation() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        Set<String> spanish = load("messages_es.properties").stringPropertyNames();
        assertThat(new TreeSet<>(spanish)).as("keys missing in messages_es.properties").containsAll(english);
    }

    @Test
    void everySpanishKeyExistsInEnglish() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        Set<String> spanish = load("messages_es.properties").stringPropertyNames();
        assertThat(new TreeSet<>(english)).as("keys only in messages_es.properties").containsAll(spanish);
    }

    @Test
    void everySupportedLanguageHasABundleWithEveryKey() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        assertThat(Messages.SUPPORTED).extracting(Locale::getLanguage).containsExactly("en", "es");
        for (Locale locale : Messages.SUPPORTED) {
            assertThat(bundleFor(locale).stringPropertyNames()).as(locale.toString()).isEqualTo(english);
        }
    }

    @Test
    void translationsAreNotEmptyParseAndKeepTheirPlaceholders() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");
        for (String key : english.stringPropertyNames()) {
            String translated = spanish.getProperty(key, "");
            assertThat(translated).as(key).isNotBlank();
            assertThat(new MessageFormat(translated).getFormats()).as(key).isNotNull();
            assertThat(placeholders(translated)).as("placeholders of " + key)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @Test
    void reasonMessagesInEnglishAndSpanishDiffer() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");
        for (String key : english.stringPropertyNames()) {
            if (key.startsWith("reason.") || key.startsWith("question.") || key.startsWith("advisory.")) {
                assertThat(spanish.getProperty(key)).as(key + " looks untranslated").isNotEqualTo(english.getProperty(key));
            }
        }
    }

    @Test
    void noMessageTellsAnyoneToStopAMedicine() throws IOException {
        Pattern stopAdvice = Pattern.compile(
                "(?i)\\b(stop (taking|using)|discontinue|deje de (tomar|usar)|suspenda|interrumpa)\\b");
        for (String name : new String[] { "messages.properties", "messages_es.properties" }) {
            Properties properties = load(name);
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("reason.") || key.startsWith("advisory.")) {
                    assertThat(stopAdvice.matcher(properties.getProperty(key)).find()).as(name + " " + key).isFalse();
                }
            }
        }
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
