package org.microneedling.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;

import org.microneedling.common.Messages;
import org.microneedling.common.ProblemException;
import org.microneedling.common.Violation;
import org.microneedling.screening.rules.Decision;
import org.microneedling.screening.rules.Finding;
import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Ruleset;

/**
 * Fuzzes the path from request bytes to a decision. In a plain {@code ./mvnw test} only the seeds under
 * {@code QuestionnaireFuzzTestInputs} run (regression mode); {@code JAZZER_FUZZ=1 ./mvnw test
 * -Dtest=QuestionnaireFuzzTest} fuzzes for {@code maxDuration}. Invariants: only validation problems (400, or
 * 413 for size) escape; a decision's outcome is its most severe reason's; ELIGIBLE exactly when there is none;
 * every date it writes is {@code YYYY-MM-DD}.
 */
class QuestionnaireFuzzTest {

    private static final Messages MESSAGES = Messages.of(Locale.ENGLISH);
    private static final Ruleset RULESET = Ruleset.defaults();
    private static final QuestionnaireReader READER = DefaultScreeningConfig.reader();

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({ "\"externalReference\"", "\"asOf\"", "\"patient\"", "\"dateOfBirth\"", "\"age\"",
            "\"pregnant\"", "\"breastfeeding\"", "\"fitzpatrickSkinType\"", "\"history\"", "\"activeAcne\"",
            "\"takesBloodThinners\"", "\"radiationTherapy\"", "\"radiationTherapyEndDate\"", "\"isotretinoin\"",
            "\"isotretinoinStopDate\"", "\"medications\"", "\"lastMicroneedlingDate\"", "\"treatment\"",
            "\"energyAssisted\"", "\"needleDepthMm\"", "\"YES\"", "\"NO\"", "\"UNKNOWN\"", "\"IV\"", "\"2026-11-25\"",
            "\"2008-02-29\"", "\"9999-12-31\"", "\"\\u0000\"", "\"\\ud800\"", "\"Eliquis 5 mg\"",
            "\"Eliquis5mg\"", "\"aspirin\"", "\"ibuprofen\"", "true", "false", "null", "1e999", "-0", "1.5" })
    void jsonToDecision(byte[] body) {
        JsonNode node;
        List<Violation> violations = new ArrayList<>();
        QuestionnaireReader.Valid valid;
        try {
            node = READER.parse(body, MESSAGES);
            if (!node.isObject()) {
                return;
            }
            valid = READER.read(node, "", MESSAGES, violations);
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isIn(400, 413);
            return;
        }
        if (valid == null) {
            assertThat(violations).isNotEmpty();
            return;
        }
        assertThat(violations).isEmpty();

        Decision decision = RULESET.decide(valid.intake());

        Outcome worst = decision.reasons().stream().map(Finding::outcome).reduce(Outcome.ELIGIBLE,
                Outcome::mostSevere);
        assertThat(decision.outcome()).isEqualTo(worst);
        assertThat(decision.outcome() == Outcome.ELIGIBLE).isEqualTo(decision.reasons().isEmpty());
        assertThat(RULESET.decide(valid.intake())).isEqualTo(decision);
        assertThat(decision.reasons()).extracting(Finding::reassessAfter).filteredOn(Objects::nonNull)
                .allSatisfy(date -> assertThat(date.toString()).as("written as YYYY-MM-DD").hasSize(10));
    }
}
