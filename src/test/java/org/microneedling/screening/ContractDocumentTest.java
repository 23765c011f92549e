package org.microneedling.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.microneedling.screening.rules.Advisory;
import org.microneedling.screening.rules.Rule;
import org.microneedling.screening.rules.Ruleset;

/**
 * The wire contract in docs/contract/ is what client teams code against: its code tables must be the shipped
 * catalogue, in order and with the shipped outcomes, and every endpoint it names must be in docs/api.md (which
 * ApiDocumentationTest ties to the OpenAPI document).
 */
class ContractDocumentTest {

    private static final Path SCREENING_CONTRACT = Path.of("docs/contract/screening-api-v1.md");
    private static final Pattern CODE_ROW = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|.*\\| ([A-Z_]+) \\|$");
    private static final Pattern ADVISORY_ROW = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| [^|]*\\|$");
    private static final Pattern ENDPOINT_ROW = Pattern.compile("(?m)^\\| (GET|POST) \\| `(/api/v1/[^`]+)` \\|");

    @Test
    void reasonCodesAndDefaultOutcomesAreTheShippedCatalogue() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = CODE_ROW.matcher(section("## Reason codes", "Advisory codes"));
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        Map<String, String> shipped = new LinkedHashMap<>();
        for (Rule rule : Ruleset.defaults().rules()) {
            shipped.put(rule.code(), rule.outcome().name());
        }
        assertThat(documented).containsExactlyEntriesOf(shipped);
    }

    @Test
    void advisoryCodesAreTheShippedAdvisories() throws IOException {
        Matcher row = ADVISORY_ROW.matcher(section("Advisory codes", "**Recognised medicines**"));
        List<String> documented = row.results().map(match -> match.group(1)).toList();
        assertThat(documented).containsExactlyElementsOf(
                Ruleset.defaults().advisories().stream().map(Advisory::code).toList());
    }

    @Test
    void everyContractEndpointIsInTheApiPage() throws IOException {
        String api = Files.readString(Path.of("docs/api.md"));
        List<Endpoint> endpoints = ENDPOINT_ROW.matcher(section("## Endpoints", "## Request")).results()
                .map(Endpoint::new).toList();
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(5);
        assertThat(endpoints).allSatisfy(endpoint -> assertThat(api)
                .as("docs/api.md has a row for " + endpoint.method() + " " + endpoint.path())
                .containsPattern("\\| " + endpoint.method() + " \\| [^\\n]*`" + Pattern.quote(endpoint.path()) + "`"));
    }

    private record Endpoint(String method, String path) {
        Endpoint(MatchResult match) {
            this(match.group(1), match.group(2));
        }
    }

    private static String section(String from, String to) throws IOException {
        String contract = Files.readString(SCREENING_CONTRACT);
        int start = contract.indexOf(from);
        int end = contract.indexOf(to, start);
        assertThat(start).as(from + " in " + SCREENING_CONTRACT).isNotNegative();
        assertThat(end).as(to + " in " + SCREENING_CONTRACT).isGreaterThan(start);
        return contract.substring(start, end);
    }
}
