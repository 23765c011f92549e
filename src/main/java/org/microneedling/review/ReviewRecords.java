package org.microneedling.review;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.microneedling.audit.AuditEntry;
import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Policy;
import org.microneedling.screening.rules.Ruleset;

/**
 * Reviews as audit records, hash-chained with the screenings they review: the body as received, and the review as
 * the API answered it, byte for byte. And the facts of a recorded screening, read from its result.
 */
final class ReviewRecords {

    static final String KIND = "review";

    private static final int SHARED_REASON_LISTS = 4096;

    private final ObjectMapper mapper;
    private final Map<List<ReasonSummary>, List<ReasonSummary>> sharedReasons = new ConcurrentHashMap<>();

    ReviewRecords(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String json(Review review) {
        try {
            return mapper.writeValueAsString(review);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A review could not be serialised", e);
        }
    }

    /** @param answer the review's JSON exactly as the client is answered */
    AuditEntry entry(Review review, String answer, String clinicId, String requestBody, String clientId) {
        return new AuditEntry(review.reviewId(), requestBody, answer, Ruleset.NAME, Ruleset.VERSION, null, null, null,
                clientId, "json", review.reviewedAt(), KIND, clinicId);
    }

    Review review(AuditEntry entry) {
        try {
            return mapper.readValue(entry.result(), Review.class);
        } catch (IOException e) {
            throw new IllegalStateException("Review record " + entry.screeningId() + " is not a review", e);
        }
    }

    /**
     * The facts of a recorded screening, read from its result as a stream of tokens: a start-up over a long history
     * builds no tree per record. A result recorded before results had {@code validUntil} is valid for the shipped
     * {@code screeningValidityDays}, so that no old ELIGIBLE result stays bookable for ever.
     */
    ScreeningFacts screening(AuditEntry entry) {
        Outcome outcome = null;
        String externalReference = entry.externalReference();
        String patientReference = null;
        LocalDate asOf = entry.asOf();
        LocalDate validUntil = null;
        List<ReasonSummary> reasons = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(entry.result())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("Screening record " + entry.screeningId() + " is not a result");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "outcome" -> outcome = Outcome.valueOf(parser.getText());
                    case "externalReference" -> externalReference = text(parser, value);
                    case "patientReference" -> patientReference = text(parser, value);
                    case "asOf" -> asOf = value == JsonToken.VALUE_STRING ? LocalDate.parse(parser.getText()) : asOf;
                    case "validUntil" -> validUntil = value == JsonToken.VALUE_STRING
                            ? LocalDate.parse(parser.getText()) : null;
                    case "reasons" -> readReasons(parser, value, reasons);
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Screening record " + entry.screeningId() + " cannot be read", e);
        }
        if (outcome == null || asOf == null) {
            throw new IllegalStateException("Screening record " + entry.screeningId() + " has no outcome or asOf");
        }
        if (outcome == Outcome.ELIGIBLE && validUntil == null) {
            validUntil = asOf.plusDays(Policy.DEFAULT_SCREENING_VALIDITY_DAYS);
        }
        Instant evaluatedAt = entry.evaluatedAt();
        return new ScreeningFacts(entry.screeningId(), outcome, externalReference, patientReference, asOf,
                outcome == Outcome.ELIGIBLE ? validUntil : null, evaluatedAt,
                outcome == Outcome.REFER_TO_PROVIDER ? shared(reasons) : List.of());
    }

    /**
     * One list for all referrals with the same reasons in the same words: most referrals share a few, and the
     * waiting ones are kept in memory. Bounded, so that free text in the reasons cannot grow it without end.
     */
    private List<ReasonSummary> shared(List<ReasonSummary> reasons) {
        List<ReasonSummary> copy = List.copyOf(reasons);
        List<ReasonSummary> known = sharedReasons.get(copy);
        if (known != null) {
            return known;
        }
        if (sharedReasons.size() < SHARED_REASON_LISTS) {
            known = sharedReasons.putIfAbsent(copy, copy);
        }
        return known == null ? copy : known;
    }

    private static void readReasons(JsonParser parser, JsonToken value, List<ReasonSummary> reasons)
            throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String code = null;
            Outcome outcome = null;
            String message = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "code" -> code = text(parser, token);
                    case "outcome" -> outcome = Outcome.valueOf(parser.getText());
                    case "message" -> message = text(parser, token);
                    default -> parser.skipChildren();
                }
            }
            reasons.add(new ReasonSummary(code, outcome, message));
        }
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NULL ? null : parser.getText();
    }
}
