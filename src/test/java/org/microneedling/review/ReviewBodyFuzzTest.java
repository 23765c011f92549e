package org.microneedling.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.microneedling.common.ProblemException;

/**
 * Fuzzes what a client sends the review workflow: a review body, and a queue cursor. In a plain {@code ./mvnw test}
 * only the seeds under {@code ReviewBodyFuzzTestInputs} run; {@code JAZZER_FUZZ=1 ./mvnw test
 * -Dtest=ReviewBodyFuzzTest} fuzzes. Invariants: a body is either a review within every limit or a 400 naming only
 * fields of the contract or properties the body has; a cursor nobody signed never decodes and never throws.
 */
class ReviewBodyFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("decision", "rationale", "conditions", "validUntil");
    private static final QueueCursor CURSORS = new QueueCursor("fuzz-key".getBytes(StandardCharsets.UTF_8));

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({ "\"decision\"", "\"rationale\"", "\"conditions\"", "\"validUntil\"", "\"reviewer\"",
            "\"CLEARED\"", "\"DECLINED\"", "\"MORE_INFORMATION_NEEDED\"", "\"2027-06-30\"", "\"2027-02-30\"", "null",
            "[]", "\"\"", "\"  \"" })
    void reviewBody(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            return;
        }
        if (node == null || !node.isObject()) {
            return;
        }
        ReviewRequest request;
        try {
            request = ReviewReader.read(node, ReviewFixtures.ENGLISH);
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().violations()).isNotEmpty().allSatisfy(violation -> assertThat(
                    FIELDS.contains(violation.field()) || violation.field().matches("conditions\\[\\d+]")
                            || node.has(violation.field())).as(violation.field()).isTrue());
            return;
        }
        assertThat(request.decision()).isNotNull();
        assertThat(request.rationale()).isNotBlank().hasSizeLessThanOrEqualTo(ReviewReader.MAX_RATIONALE);
        assertThat(request.conditions()).hasSizeLessThanOrEqualTo(ReviewReader.MAX_CONDITIONS)
                .allSatisfy(condition -> assertThat(condition).isNotBlank()
                        .hasSizeLessThanOrEqualTo(ReviewReader.MAX_CONDITION));
        if (request.validUntil() != null) {
            assertThat(request.decision()).isEqualTo(ReviewDecision.CLEARED);
        }
        assertThat(node.has("reviewer")).isFalse();
    }

    @FuzzTest(maxDuration = "30s")
    void queueCursor(byte[] cursor) {
        assertThat(CURSORS.decode("lakeside", new String(cursor, StandardCharsets.UTF_8))).isEmpty();
    }
}
