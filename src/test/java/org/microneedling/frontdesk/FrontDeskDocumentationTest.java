package org.microneedling.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The words docs/front-desk.md promises are the words the page shows, in English and in Spanish. */
class FrontDeskDocumentationTest {

    private static final Path DOC = Path.of("docs/front-desk.md");
    private static final Pattern STATUS_ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| ([^|]+) / ([^|]+) \\|$",
            Pattern.MULTILINE);

    @Test
    void theStatusTableUsesThePagesWordsInBothLanguages() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String table = doc.substring(doc.indexOf("### Where the screening stands"),
                doc.indexOf("## Looking a patient up"));
        Map<String, String[]> rows = new LinkedHashMap<>();
        Matcher row = STATUS_ROW.matcher(table);
        while (row.find()) {
            rows.put(row.group(1), new String[] { row.group(2).trim(), row.group(3).trim() });
        }
        Map<String, Map<String, String>> strings = PageStrings.all();
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(strings.get("en").keySet().stream()
                .filter(key -> key.startsWith("screeningStatus.")).map(key -> key.substring(16)).toList());
        rows.forEach((status, words) -> {
            assertThat(words[0]).as("en " + status)
                    .isEqualTo(strings.get("en").get("screeningStatus." + status).replace("{date}", "<date>"));
            assertThat(words[1]).as("es " + status)
                    .isEqualTo(strings.get("es").get("screeningStatus." + status).replace("{date}", "<date>"));
        });
    }

    @Test
    void theReviewAndLookUpControlsAreNamedAsOnThePage() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Map<String, String> english = PageStrings.all().get("en");
        for (String key : new String[] { "viewReview", "reviewMore", "reviewDecision", "reviewRationale",
                "reviewAddCondition", "reviewSubmit", "reviewClose", "lookupTitle", "lookupSubmit", "lookupBookable",
                "lookupNotBookable", "decision.CLEARED", "decision.DECLINED", "decision.MORE_INFORMATION_NEEDED" }) {
            assertThat(doc).as(key).containsAnyOf("**" + english.get(key) + "**", "*" + english.get(key) + "*");
        }
    }
}
