package org.microneedling.frontdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The page's own string table, {@code frontdesk/strings.json}: language → key → text. */
final class PageStrings {

    static final String RESOURCE = "/META-INF/resources/frontdesk/strings.json";

    private PageStrings() {
    }

    static Map<String, Map<String, String>> all() {
        try (InputStream in = PageStrings.class.getResourceAsStream(RESOURCE)) {
            return new ObjectMapper().readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String get(String language, String key) {
        String text = all().get(language).get(key);
        if (text == null) {
            throw new IllegalArgumentException("No page string " + key + " in " + language);
        }
        return text;
    }
}
