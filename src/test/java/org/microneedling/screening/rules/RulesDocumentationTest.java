package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Fails when {@code docs/rules.md} no longer says what the code does. To bring the document up to
 * date: {@code ./mvnw -q test -Dtest=RulesDocumentationTest -Drules.doc.write=true}.
 */
class RulesDocumentationTest {

    private static final String REWRITE_PROPERTY = "rules.doc.write";

    @Test
    void generatedSectionsOfRulesDocMatchTheCode() throws IOException {
        String documented = Files.readString(RulesDocumentation.DOCUMENT, StandardCharsets.UTF_8);
        String rendered = RulesDocumentation.render(documented, Ruleset.defaults(), MedicationCatalogue.load());
        if (Boolean.getBoolean(REWRITE_PROPERTY) && !rendered.equals(documented)) {
            Files.writeString(RulesDocumentation.DOCUMENT, rendered, StandardCharsets.UTF_8);
        }
        String current = Files.readString(RulesDocumentation.DOCUMENT, StandardCharsets.UTF_8);

        assertThat(current)
                .withFailMessage(() -> "docs/rules.md differs from the rules in the code; rewrite it with "
                        + "./mvnw -q test -Dtest=RulesDocumentationTest -D" + REWRITE_PROPERTY + "=true\n"
                        + difference(current, rendered))
                .isEqualTo(rendered);
    }

    @Test
    void documentNamesEveryCodeAndMedicine() throws IOException {
        String document = Files.readString(RulesDocumentation.DOCUMENT, StandardCharsets.UTF_8);

        for (Rule rule : Ruleset.defaults().rules()) {
            assertThat(document).contains("`" + rule.code() + "`");
        }
        for (MedicationEntry entry : MedicationCatalogue.load().entries()) {
            assertThat(document).contains(String.join(", ", entry.names()));
        }
        assertThat(document).contains("-Drules.doc.write=true");
    }

    @Test
    void missingMarkersAreReported() {
        assertThatThrownBy(() -> RulesDocumentation.replaceSection("no markers here", "catalogue", "table"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<!-- catalogue:start -->");
    }

    @Test
    void renderingReplacesOnlyBetweenMarkers() {
        String document = "intro\n<!-- catalogue:start -->\nold\n<!-- catalogue:end -->\noutro\n";

        assertThat(RulesDocumentation.replaceSection(document, "catalogue", "new\n"))
                .isEqualTo("intro\n<!-- catalogue:start -->\nnew\n<!-- catalogue:end -->\noutro\n");
    }

    /** The block of lines that differs, after the common beginning and end, as a reviewer would read a diff. */
    private static String difference(String documented, String generated) {
        List<String> was = documented.lines().toList();
        List<String> now = generated.lines().toList();
        int prefix = 0;
        while (prefix < was.size() && prefix < now.size() && was.get(prefix).equals(now.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < was.size() - prefix && suffix < now.size() - prefix
                && was.get(was.size() - 1 - suffix).equals(now.get(now.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> report = new ArrayList<>();
        report.add("@@ from line " + (prefix + 1) + " @@");
        appendLines(report, "- docs: ", was.subList(prefix, was.size() - suffix));
        appendLines(report, "+ code: ", now.subList(prefix, now.size() - suffix));
        return String.join("\n", report);
    }

    private static void appendLines(List<String> report, String marker, List<String> lines) {
        int shown = Math.min(lines.size(), 15);
        for (String line : lines.subList(0, shown)) {
            report.add(marker + line);
        }
        if (lines.size() > shown) {
            report.add(marker + "... " + (lines.size() - shown) + " more lines");
        }
    }
}
