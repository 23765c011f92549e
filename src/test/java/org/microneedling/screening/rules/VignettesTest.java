package org.microneedling.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Replays the named clinical vignettes in {@code src/test/resources/vignettes} through the rules.
 * The same files are replayed through the HTTP endpoint, so their requests are strict v1 bodies.
 */
class VignettesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Ruleset RULESET = Ruleset.defaults();

    static List<Path> files() {
        try (Stream<Path> listing = Files.list(Path.of(VignettesTest.class.getResource("/vignettes").toURI()))) {
            return listing.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> vignettes() {
        return files().stream().map(file -> {
            JsonNode vignette = read(file);
            return Arguments.of(vignette.get("name").asText(), file.getFileName().toString(), vignette);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void decisionMatchesTheExpectation(String name, String file, JsonNode vignette) {
        JsonNode expected = vignette.get("expected");

        Decision decision = RULESET.decide(VignetteIntakes.fromRequest(vignette.get("request")));

        assertThat(decision.outcome().name()).as("%s: outcome", file).isEqualTo(expected.get("outcome").asText());
        assertThat(describe(decision.reasons())).as("%s: reasons", file).isEqualTo(describeExpected(expected));
        assertThat(decision.advisories()).extracting(AdvisoryFinding::code).as("%s: advisories", file)
                .containsExactlyElementsOf(texts(expected.get("advisories")));
        assertThat(decision.notAssessed()).as("%s: notAssessed", file)
                .containsExactlyElementsOf(texts(expected.get("notAssessed")));
    }

    @ParameterizedTest(name = "{1} has name, asOf and a contract-shaped expectation")
    @MethodSource("vignettes")
    void vignetteIsWellFormed(String name, String file, JsonNode vignette) {
        assertThat(vignette.fieldNames()).toIterable().containsExactly("name", "request", "expected");
        assertThat(vignette.get("request").hasNonNull("asOf")).as("asOf set").isTrue();
        assertThat(name).as("name carries the outcome")
                .contains("⇒ " + vignette.get("expected").get("outcome").asText());
        assertThat(vignette.get("expected").fieldNames()).toIterable()
                .containsExactly("outcome", "reasons", "advisories", "notAssessed");
    }

    @Test
    void vignettesCoverEveryReasonCodeAndAdvisoryInBothOutcomes() {
        Set<String> reasonCodes = new HashSet<>();
        Set<String> advisoryCodes = new HashSet<>();
        Set<String> outcomes = new HashSet<>();
        Set<String> referredIneligibleCodes = new HashSet<>();
        List<Path> files = files();
        for (Path file : files) {
            JsonNode expected = read(file).get("expected");
            outcomes.add(expected.get("outcome").asText());
            for (JsonNode reason : expected.get("reasons")) {
                reasonCodes.add(reason.get("code").asText());
                if (reason.get("outcome").asText().equals("REFER_TO_PROVIDER")) {
                    referredIneligibleCodes.add(reason.get("code").asText());
                }
            }
            advisoryCodes.addAll(texts(expected.get("advisories")));
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        assertThat(reasonCodes).containsExactlyInAnyOrderElementsOf(RULESET.rules().stream().map(Rule::code).toList());
        assertThat(advisoryCodes)
                .containsExactlyInAnyOrderElementsOf(RULESET.advisories().stream().map(Advisory::code).toList());
        assertThat(outcomes).containsExactlyInAnyOrder("ELIGIBLE", "REFER_TO_PROVIDER", "INELIGIBLE");
        // UNKNOWN on questions whose YES excludes: the provider clears them.
        assertThat(referredIneligibleCodes).contains("BLOOD_THINNERS", "RECENT_RADIATION", "ISOTRETINOIN_CURRENT",
                "ACTIVE_COLD_SORES", "ACTIVE_ACNE");
    }

    @ParameterizedTest(name = "replaying refuses a request the contract rejects: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            misspelt answer       | {"asOf":"2026-11-25","patient":{"age":30,"pregnant":"NO"},"history":{"activeAcne":"NO","activeColdSores":"NO","coldSoreHistory":"NO","otherActiveSkinInfection":"NO","eczema":"NO","psoriasis":"NO","keloidOrHypertrophicScarring":"NO","bleedingDisorder":"NO","takesBloodThinners":"NO","radiationTherapy":"NO","ekzema":"YES"}}
            missing required      | {"asOf":"2026-11-25","patient":{"age":30,"pregnant":"NO"},"history":{"activeAcne":"NO"}}
            age disagrees         | {"asOf":"2026-11-25","patient":{"dateOfBirth":"1990-06-15","age":30,"pregnant":"NO"},"history":{"activeAcne":"NO","activeColdSores":"NO","coldSoreHistory":"NO","otherActiveSkinInfection":"NO","eczema":"NO","psoriasis":"NO","keloidOrHypertrophicScarring":"NO","bleedingDisorder":"NO","takesBloodThinners":"NO","radiationTherapy":"NO"}}
            stop date while taking | {"asOf":"2026-11-25","patient":{"age":30,"pregnant":"NO"},"history":{"activeAcne":"NO","activeColdSores":"NO","coldSoreHistory":"NO","otherActiveSkinInfection":"NO","eczema":"NO","psoriasis":"NO","keloidOrHypertrophicScarring":"NO","bleedingDisorder":"NO","takesBloodThinners":"NO","radiationTherapy":"NO","isotretinoin":"YES","isotretinoinStopDate":"2026-10-01"}}
            stop date, no answer  | {"asOf":"2026-11-25","patient":{"age":30,"pregnant":"NO"},"history":{"activeAcne":"NO","activeColdSores":"NO","coldSoreHistory":"NO","otherActiveSkinInfection":"NO","eczema":"NO","psoriasis":"NO","keloidOrHypertrophicScarring":"NO","bleedingDisorder":"NO","takesBloodThinners":"NO","radiationTherapy":"NO","isotretinoinStopDate":"2026-10-01"}}
            end in year 9999      | {"asOf":"2026-11-25","patient":{"age":30,"pregnant":"NO"},"history":{"activeAcne":"NO","activeColdSores":"NO","coldSoreHistory":"NO","otherActiveSkinInfection":"NO","eczema":"NO","psoriasis":"NO","keloidOrHypertrophicScarring":"NO","bleedingDisorder":"NO","takesBloodThinners":"NO","radiationTherapy":"YES","radiationTherapyEndDate":"9999-12-31"}}
            answer spelt Y        | {"asOf":"2026-11-25","patient":{"age":30,"pregnant":"Y"},"history":{"activeAcne":"NO","activeColdSores":"NO","coldSoreHistory":"NO","otherActiveSkinInfection":"NO","eczema":"NO","psoriasis":"NO","keloidOrHypertrophicScarring":"NO","bleedingDisorder":"NO","takesBloodThinners":"NO","radiationTherapy":"NO"}}
            """)
    void replayRefusesInvalidRequests(String problem, String body) throws IOException {
        JsonNode request = JSON.readTree(body);

        assertThatThrownBy(() -> VignetteIntakes.fromRequest(request)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> describe(List<Finding> reasons) {
        return reasons.stream()
                .map(reason -> reason.code() + " " + reason.outcome() + " reassessAfter=" + reason.reassessAfter())
                .toList();
    }

    private static List<String> describeExpected(JsonNode expected) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode reason : expected.get("reasons")) {
            JsonNode reassess = reason.get("reassessAfter");
            reasons.add(reason.get("code").asText() + " " + reason.get("outcome").asText() + " reassessAfter="
                    + (reassess == null || reassess.isNull() ? "null" : reassess.asText()));
        }
        return reasons;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
