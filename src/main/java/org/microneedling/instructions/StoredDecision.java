package org.microneedling.instructions;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.microneedling.screening.rules.Outcome;

/**
 * What the sheet needs of a recorded {@code ScreeningResult}: read from the stored JSON, so that the sheet follows
 * the decision as it was made, under whatever ruleset made it. A stored result that cannot be read in full is read
 * as a referral without reasons: the patient is told that a provider will look at the answers, never that
 * treatment can go ahead.
 *
 * @param validUntil the date an ELIGIBLE result stops standing, when the result carries one
 */
public record StoredDecision(UUID screeningId, Outcome outcome, List<Reason> reasons, List<String> advisoryCodes,
        LocalDate validUntil) {

    /** @param reassessAfter the first day on which the reason has expired by itself, or null */
    public record Reason(String code, Outcome outcome, LocalDate reassessAfter) {
    }

    static StoredDecision read(UUID screeningId, String resultJson, ObjectMapper mapper) {
        JsonNode result;
        try {
            result = mapper.readTree(resultJson);
        } catch (JsonProcessingException unreadable) {
            return unreadable(screeningId);
        }
        Outcome outcome = outcome(result.path("outcome"));
        if (outcome == null) {
            return unreadable(screeningId);
        }
        List<Reason> reasons = new ArrayList<>();
        for (JsonNode reason : result.path("reasons")) {
            String code = reason.path("code").asText(null);
            if (code != null) {
                Outcome reasonOutcome = outcome(reason.path("outcome"));
                reasons.add(new Reason(code, reasonOutcome == null ? outcome : reasonOutcome,
                        date(reason.path("reassessAfter"))));
            }
        }
        List<String> advisories = new ArrayList<>();
        for (JsonNode advisory : result.path("advisories")) {
            String code = advisory.path("code").asText(null);
            if (code != null) {
                advisories.add(code);
            }
        }
        return new StoredDecision(screeningId, outcome, List.copyOf(reasons), List.copyOf(advisories),
                date(result.path("validUntil")));
    }

    private static StoredDecision unreadable(UUID screeningId) {
        return new StoredDecision(screeningId, Outcome.REFER_TO_PROVIDER, List.of(), List.of(), null);
    }

    private static Outcome outcome(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return Outcome.valueOf(node.asText());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static LocalDate date(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException malformed) {
            return null;
        }
    }
}
