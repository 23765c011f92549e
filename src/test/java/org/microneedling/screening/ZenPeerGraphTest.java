package org.microneedling.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.microneedling.screening.rules.Rule;
import org.microneedling.screening.rules.Ruleset;

/**
 * The benchmark's ZEN peer (bench/zen/screening.jdm.json) must hold the same reasons as the ruleset, or the race
 * compares less work against more; a new rule fails here until the graph has its rows.
 */
class ZenPeerGraphTest {

    @Test
    void theGraphReportsExactlyTheReasonCodesOfTheRuleset() throws IOException {
        JsonNode graph = new ObjectMapper().readTree(Path.of("bench/zen/screening.jdm.json").toFile());
        Set<String> inGraph = new TreeSet<>();
        for (JsonNode node : graph.get("nodes")) {
            if ("decisionTableNode".equals(node.get("type").asText())) {
                node.get("content").get("rules").forEach(row -> inGraph.add(row.get("code").asText().replace("'", "")));
            }
        }
        Set<String> inRuleset = Ruleset.defaults().rules().stream().map(Rule::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(inGraph).isEqualTo(inRuleset);
    }
}
