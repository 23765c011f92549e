package org.microneedling.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.microneedling.screening.rules.Advisory;
import org.microneedling.screening.rules.Rule;
import org.microneedling.screening.rules.Ruleset;

class MessagesTest {

    private static final List<String> FORBIDDEN = List.of("stop taking", "stop the medic", "stop your", "discontinue",
            "come off", "hold the", "skip your", "deje de tomar", "suspenda");

    @Test
    void everyReasonAndAdvisoryHasAMessageInEveryLanguage() {
        Ruleset ruleset = Ruleset.defaults();
        for (Locale locale : Messages.SUPPORTED) {
            Messages messages = Messages.of(locale);
            for (Rule rule : ruleset.rules()) {
                assertThat(messages.has("reason." + rule.code())).as(locale + " reason." + rule.code()).isTrue();
            }
            for (Advisory advisory : ruleset.advisories()) {
                assertThat(messages.has("advisory." + advisory.code())).as(locale + " " + advisory.code()).isTrue();
            }
        }
    }

    @Test
    void noMessageTellsAnyoneToStopAMedicine() throws IOException {
        for (Locale locale : Messages.SUPPORTED) {
            for (String text : texts(locale)) {
                assertThat(text.toLowerCase(Locale.ROOT)).as(text).doesNotContain(FORBIDDEN);
            }
        }
    }

    @Test
    void everyPatternIsAValidMessageFormat() throws IOException {
        for (Locale locale : Messages.SUPPORTED) {
            for (String text : texts(locale)) {
                assertThat(new MessageFormat(text, locale).format(new Object[] { "a", "b", "c", "d" })).isNotBlank();
            }
        }
    }

    @Test
    void negotiationPicksTheFirstSupportedLanguageAndFallsBackToEnglish() {
        assertThat(Messages.negotiate(List.of(Locale.forLanguageTag("xx-YY")))).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.negotiate(List.of())).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.negotiate(List.of(Locale.forLanguageTag("en-GB")))).isEqualTo(Locale.ENGLISH);
    }

    private static List<String> texts(Locale locale) throws IOException {
        String suffix = locale.equals(Locale.ENGLISH) ? "" : "_" + locale.getLanguage();
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/messages" + suffix + ".properties")) {
            assertThat(in).as("bundle for " + locale).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.values().stream().map(String::valueOf).toList();
    }
}
