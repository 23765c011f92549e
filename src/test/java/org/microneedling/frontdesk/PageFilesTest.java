package org.microneedling.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The page's files on their own: both languages of its string table, nothing a strict
 * Content-Security-Policy would block, nothing fetched from outside, no credentials kept beyond the tab.
 */
class PageFilesTest {

    private static final Path PAGE = Path.of("src/main/resources/META-INF/resources");

    private static List<Path> pageFiles() throws IOException {
        try (Stream<Path> files = Files.walk(PAGE)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void thePageStringTableHasEveryKeyInEnglishAndSpanish() {
        Map<String, Map<String, String>> strings = PageStrings.all();
        assertThat(strings.keySet()).containsExactlyInAnyOrder("en", "es");
        assertThat(strings.get("es").keySet()).as("keys missing in Spanish").containsAll(strings.get("en").keySet());
        assertThat(strings.get("en").keySet()).as("keys missing in English").containsAll(strings.get("es").keySet());
        strings.forEach((language, table) -> table.forEach((key, text) ->
                assertThat(text).as(language + " " + key).isNotBlank()));
        strings.get("en").forEach((key, english) -> {
            if (english.chars().anyMatch(Character::isLetter) && english.length() > 3) {
                assertThat(strings.get("es").get(key)).as("es " + key + " looks untranslated").isNotEqualTo(english);
            }
        });
    }

    @Test
    void everyStringThePageUsesIsInTheTable() throws IOException {
        Set<String> used = new TreeSet<>(matches(Pattern.compile("data-text=\"([\\w.]+)\""),
                read(PAGE.resolve("index.html"))));
        for (Path file : pageFiles()) {
            if (file.toString().endsWith(".js")) {
                used.addAll(matches(Pattern.compile("(?<![/\\w])strings\\.(\\w+)"), read(file)));
            }
        }
        for (String outcome : List.of("ELIGIBLE", "INELIGIBLE", "REFER_TO_PROVIDER")) {
            used.add("outcome." + outcome);
            used.add("explanation." + outcome);
        }
        assertThat(used).isNotEmpty();
        assertThat(PageStrings.all().get("en").keySet()).containsAll(used);
        assertThat(PageStrings.all().get("es").keySet()).containsAll(used);
    }

    @Test
    void noInlineScriptStyleOrEventHandlerAttributes() throws IOException {
        for (Path file : pageFiles()) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".html") && !name.endsWith(".js") && !name.endsWith(".svg")) {
                continue;
            }
            String text = read(file);
            assertThat(text).as(name).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContainPattern("(?i)<style")
                    .doesNotContainPattern("(?i)\\sstyle\\s*=")
                    .doesNotContainPattern("(?i)\\son[a-z]+\\s*=\\s*[\"']")
                    .doesNotContain("javascript:")
                    .doesNotContain("innerHTML")
                    .doesNotContain("eval(")
                    .doesNotContain("new Function");
        }
    }

    @Test
    void nothingIsFetchedFromOutsideTheService() throws IOException {
        Pattern outside = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}");
        for (Path file : pageFiles()) {
            String text = read(file).replace("http://www.w3.org/2000/svg", "");
            assertThat(outside.matcher(text).find()).as(file + " refers to another host").isFalse();
            assertThat(text).as(file.toString()).doesNotContain("@import").doesNotContain("@font-face");
        }
    }

    @Test
    void theClinicKeyIsNeverKeptBeyondTheTab() throws IOException {
        for (Path file : pageFiles()) {
            assertThat(read(file)).as(file.toString()).doesNotContain("localStorage").doesNotContain("document.cookie")
                    .doesNotContain("indexedDB");
        }
        assertThat(read(PAGE.resolve("frontdesk/api.js"))).contains("sessionStorage").contains("X-API-Key");
    }
}
