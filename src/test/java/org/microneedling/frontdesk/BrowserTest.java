package org.microneedling.frontdesk;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * A test class that drives the page in one headless Chromium, started by the class in the browser language it
 * needs. Every test fails on a browser console error.
 */
abstract class BrowserTest {

    static Browser browser;

    @TestHTTPResource("/")
    URL root;

    static void startBrowser(String language) {
        browser = Browser.start(language);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @AfterEach
    void noConsoleErrors() {
        if (browser != null) {
            browser.assertNoConsoleErrors();
        }
    }
}
