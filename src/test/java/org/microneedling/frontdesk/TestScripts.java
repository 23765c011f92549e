package org.microneedling.frontdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Scripts the browser tests run inside the page, kept as files so they read as JavaScript. */
final class TestScripts {

    static final String CONTRAST = load("/frontdesk/contrast.js");

    private TestScripts() {
    }

    static String load(String resource) {
        try (InputStream in = TestScripts.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
