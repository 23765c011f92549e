package org.microneedling.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.microneedling.common.Messages;
import org.microneedling.common.ProblemException;
import org.microneedling.common.Violation;
import org.microneedling.screening.rules.Advisory;
import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Policy;
import org.microneedling.screening.rules.Rule;
import org.microneedling.screening.rules.Ruleset;

class DraftReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Ruleset RULES = Ruleset.defaults();
    private static final Policy VERSION_ONE = RULES.policy().withOutcome("ECZEMA", Outcome.INELIGIBLE);
    private static final DraftReader READER = new DraftReader(
            RULES.rules().stream().map(Rule::code).collect(Collectors.toSet()),
            RULES.advisories().stream().map(Advisory::code).collect(Collectors.toSet()));

    private static DraftReader.Draft read(String json) throws Exception {
        JsonNode body = JSON.readTree(json);
        return READER.read(body, number -> switch (number) {
            case 0 -> Optional.of(RULES.policy());
            case 1 -> Optional.of(VERSION_ONE);
            default -> Optional.empty();
        }, 1, Messages.of(Messages.DEFAULT_LOCALE));
    }

    private static Map<String, String> violations(String json) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> read(json));
        assertThat(problem).as("a 400 for " + json).isNotNull();
        assertThat(problem.problem().status()).isEqualTo(400);
        return problem.problem().violations().stream().collect(Collectors.toMap(Violation::field, Violation::message));
    }

    @Test
    void whatTheDraftDoesNotGiveComesFromTheVersionInForce() throws Exception {
        DraftReader.Draft draft = read("{\"parameters\": {\"radiationWindowMonths\": 6}, \"note\": \" six months \"}");

        assertThat(draft.basedOn()).isEqualTo(1);
        assertThat(draft.policy().radiationWindowMonths()).isEqualTo(6);
        assertThat(draft.policy().outcomeFor("ECZEMA", Outcome.REFER_TO_PROVIDER)).isEqualTo(Outcome.INELIGIBLE);
        assertThat(draft.policy().minimumAge()).isEqualTo(RULES.policy().minimumAge());
        assertThat(draft.note()).isEqualTo("six months");
    }

    @Test
    void basedOnChoosesTheStartingVersion() throws Exception {
        DraftReader.Draft draft = read("{\"basedOn\": 0, \"outcomes\": {\"KELOID_OR_HYPERTROPHIC_SCARRING\": "
                + "\"INELIGIBLE\"}, \"parameters\": {\"evaluatedNeedleDepthMm\": 2.0, \"aspirinOutcome\": \"INELIGIBLE\", "
                + "\"screeningValidityDays\": 14, \"clearanceMaxDays\": 180}}");

        assertThat(draft.basedOn()).isZero();
        assertThat(draft.policy().outcomeFor("ECZEMA", Outcome.REFER_TO_PROVIDER)).isEqualTo(Outcome.REFER_TO_PROVIDER);
        assertThat(draft.policy().outcomeFor("KELOID_OR_HYPERTROPHIC_SCARRING", Outcome.REFER_TO_PROVIDER))
                .isEqualTo(Outcome.INELIGIBLE);
        assertThat(draft.policy().evaluatedNeedleDepthMm()).isEqualByComparingTo(new BigDecimal("2"));
        assertThat(draft.policy().aspirinOutcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(draft.policy().screeningValidityDays()).isEqualTo(14);
        assertThat(draft.policy().clearanceMaxDays()).isEqualTo(180);
    }

    @Test
    void everyBadFieldIsNamedByItsPath() {
        String advisory = RULES.advisories().get(0).code();
        Map<String, String> found = violations("{\"basedOn\": 9, \"reviewer\": \"x\", \"note\": 5, \"parameters\": {"
                + "\"minimumAge\": \"18\", \"typicalAge\": 200, \"sessionIntervalDays\": -1, \"evaluatedNeedleDepthMm\": 1.234, "
                + "\"aspirinOutcome\": \"ELIGIBLE\", \"isotretinoinWindowMonths\": 6.5, \"colour\": 1}, \"outcomes\": {"
                + "\"ECZEMA\": \"ELIGIBLE\", \"" + advisory + "\": \"INELIGIBLE\", \"NO_SUCH_CODE\": \"INELIGIBLE\", "
                + "\"PSORIASIS\": 3}}");

        assertThat(found).containsOnlyKeys("basedOn", "reviewer", "note", "parameters.minimumAge",
                "parameters.typicalAge", "parameters.sessionIntervalDays", "parameters.evaluatedNeedleDepthMm",
                "parameters.aspirinOutcome", "parameters.isotretinoinWindowMonths", "parameters.colour",
                "outcomes.ECZEMA", "outcomes." + advisory, "outcomes.NO_SUCH_CODE", "outcomes.PSORIASIS");
        assertThat(found.get("parameters.typicalAge")).contains("99");
        assertThat(found.get("outcomes.ECZEMA")).contains("INELIGIBLE or REFER_TO_PROVIDER");
        assertThat(found.get("outcomes." + advisory)).contains("advisory");
    }

    @Test
    void theTypicalAgeMayNotFallBelowTheMinimum() {
        assertThat(violations("{\"parameters\": {\"minimumAge\": 25}}"))
                .containsOnlyKeys("parameters.typicalAge");
        assertThat(violations("{\"parameters\": {\"minimumAge\": 21, \"typicalAge\": 20}}"))
                .containsOnlyKeys("parameters.typicalAge");
    }

    @Test
    void aBodyThatIsNoObjectOrHoldsWrongShapesIsRefused() {
        assertThat(catchThrowableOfType(ProblemException.class, () -> read("[]")).problem().status()).isEqualTo(400);
        assertThat(violations("{\"parameters\": [], \"outcomes\": \"x\", \"basedOn\": -1}"))
                .containsOnlyKeys("parameters", "outcomes", "basedOn");
        assertThat(violations("{\"note\": \"" + "n".repeat(DraftReader.NOTE_MAX_LENGTH + 1) + "\"}"))
                .containsOnlyKeys("note");
    }

    @Test
    void anEmptyDraftCopiesTheVersionInForce() throws Exception {
        assertThat(read("{}").policy()).isEqualTo(VERSION_ONE);
        assertThat(Set.of(read("{\"note\": null}").policy())).containsExactly(VERSION_ONE);
    }
}
