package org.microneedling.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.microneedling.common.Messages;
import org.microneedling.common.ProblemException;

/**
 * Fuzzes a CDS Hooks feedback body. In a plain {@code ./mvnw test} only the seeds under
 * {@code FeedbackBodyFuzzTestInputs} run; {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=FeedbackBodyFuzzTest} fuzzes.
 * Invariants: a body is either items within every limit or a 400 whose violations each name a path of the body
 * ({@code feedback}, {@code feedback[i]...}, where an unknown property keeps its own name) or a property it has;
 * nothing else escapes.
 */
class FeedbackBodyFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Messages ENGLISH = Messages.of(Messages.DEFAULT_LOCALE);

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({ "\"feedback\"", "\"card\"", "\"outcome\"", "\"accepted\"", "\"overridden\"",
            "\"overrideReason\"", "\"reason\"", "\"userComment\"", "\"system\"", "\"code\"", "\"display\"",
            "\"acceptedSuggestions\"", "\"outcomeTimestamp\"", "\"extension\"", "\"provider-cleared\"",
            "\"" + OverrideReason.DEFAULT_SYSTEM + "\"", "\"0193a1b2-0000-7000-8000-000000000001\"",
            "\"2026-12-03T09:30:00Z\"", "null", "[]", "{}" })
    void feedbackBody(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            return;
        }
        if (node == null) {
            return;
        }
        List<FeedbackReader.Item> items;
        try {
            items = FeedbackReader.read(node, OverrideReason.DEFAULT_SYSTEM, NOW, ENGLISH);
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(400);
            if (node.isObject()) {
                assertThat(e.problem().violations()).isNotEmpty().allSatisfy(violation -> assertThat(
                        violation.field().matches("(?s)feedback(\\[\\d+](\\..+)?)?") || node.has(violation.field()))
                        .as(violation.field()).isTrue());
            }
            return;
        }
        assertThat(items).isNotEmpty().hasSizeLessThanOrEqualTo(FeedbackReader.MAX_ITEMS);
        for (FeedbackReader.Item item : items) {
            assertThat(item.card()).isNotNull();
            assertThat(item.outcome()).isNotNull();
            assertThat(item.outcomeTimestamp()).isBeforeOrEqualTo(NOW.plusSeconds(FeedbackReader.FUTURE_TOLERANCE_SECONDS));
            if (item.outcome() == FeedbackReader.Outcome.ACCEPTED) {
                assertThat(item.reason()).isNull();
                assertThat(item.userComment()).isNull();
            }
            if (item.userComment() != null) {
                assertThat(item.userComment()).isNotBlank().hasSizeLessThanOrEqualTo(FeedbackReader.MAX_USER_COMMENT);
            }
            if (item.reason() != null && OverrideReason.DEFAULT_SYSTEM.equals(item.reason().system())) {
                assertThat(OverrideReason.of(item.reason().code())).isPresent();
            }
        }
    }
}
