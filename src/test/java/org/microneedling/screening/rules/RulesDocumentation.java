package org.microneedling.screening.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders the generated parts of {@code docs/rules.md} from the code: the rule catalogue, the
 * advisories and the recognised medicines, each between its start and end marker comments.
 * Run {@link #main} (or the documentation test with {@code -Drules.doc.write=true}) to rewrite them.
 */
final class RulesDocumentation {

    static final Path DOCUMENT = Path.of("docs", "rules.md");
    static final List<String> SECTIONS = List.of("catalogue", "advisories", "medicines");

    private RulesDocumentation() {
    }

    public static void main(String[] args) throws IOException {
        Path document = args.length > 0 ? Path.of(args[0]) : DOCUMENT;
        String current = Files.readString(document, StandardCharsets.UTF_8);
        Files.writeString(document, render(current, Ruleset.defaults(), MedicationCatalogue.load()),
                StandardCharsets.UTF_8);
    }

    /** The document with every generated section replaced by what the code says now. */
    static String render(String document, Ruleset ruleset, MedicationCatalogue medicines) {
        String rendered = document;
        rendered = replaceSection(rendered, "catalogue", catalogue(ruleset));
        rendered = replaceSection(rendered, "advisories", advisories(ruleset));
        rendered = replaceSection(rendered, "medicines", medicines(medicines));
        return rendered;
    }

    static String replaceSection(String document, String section, String content) {
        String start = "<!-- " + section + ":start -->";
        String end = "<!-- " + section + ":end -->";
        int from = document.indexOf(start);
        int to = document.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("docs/rules.md lacks the markers " + start + " and " + end);
        }
        return document.substring(0, from + start.length()) + "\n" + content + document.substring(to);
    }

    static String catalogue(Ruleset ruleset) {
        StringBuilder table = new StringBuilder();
        table.append("| Order | Code | Outcome | Fires when | Parameters | Source |\n");
        table.append("|---:|---|---|---|---|---|\n");
        int order = 1;
        for (Rule rule : ruleset.rules()) {
            table.append("| ").append(order++)
                    .append(" | `").append(rule.code()).append('`')
                    .append(" | ").append(rule.outcome())
                    .append(" | ").append(cell(rule.criterion()))
                    .append(" | ").append(parameters(rule.parameters()))
                    .append(" | ").append(cell(rule.source()))
                    .append(" |\n");
        }
        return table.toString();
    }

    static String advisories(Ruleset ruleset) {
        StringBuilder table = new StringBuilder();
        table.append("| Code | Raised when | Parameters | Source |\n");
        table.append("|---|---|---|---|\n");
        for (Advisory advisory : ruleset.advisories()) {
            table.append("| `").append(advisory.code()).append('`')
                    .append(" | ").append(cell(advisory.criterion()))
                    .append(" | ").append(parameters(advisory.parameters()))
                    .append(" | ").append(cell(advisory.source()))
                    .append(" |\n");
        }
        return table.toString();
    }

    static String medicines(MedicationCatalogue medicines) {
        StringBuilder table = new StringBuilder();
        table.append("| Class | Ingredient | RxNorm RxCUI | Names recognised |\n");
        table.append("|---|---|---|---|\n");
        for (MedicationEntry entry : medicines.entries()) {
            table.append("| ").append(entry.medicationClass())
                    .append(" | ").append(cell(entry.ingredient()))
                    .append(" | ").append(entry.rxcui().isEmpty() ? "–" : entry.rxcui())
                    .append(" | ").append(cell(String.join(", ", entry.names())))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String parameters(Map<String, Object> parameters) {
        if (parameters.isEmpty()) {
            return "–";
        }
        return new TreeMap<>(parameters).entrySet().stream()
                .map(parameter -> "`" + parameter.getKey() + "` = " + parameter.getValue())
                .collect(Collectors.joining("<br>"));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
