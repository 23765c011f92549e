package org.microneedling.cdshooks;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.microneedling.audit.AuditEntry;
import org.microneedling.screening.rules.Ruleset;

/**
 * CDS Hooks feedback as audit records, hash-chained with the screenings their cards came from: the item as the
 * client sent it, and what was recorded of it, naming the screening.
 */
final class FeedbackRecords {

    static final String KIND = "cds-hooks.feedback";

    private final ObjectMapper mapper;

    FeedbackRecords(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The record's result: the card is the screening it came from (its uuid is the screening id). */
    String json(UUID feedbackId, String serviceId, FeedbackReader.Item item, Instant recordedAt) {
        ObjectNode recorded = JsonNodeFactory.instance.objectNode();
        recorded.put("feedbackId", feedbackId.toString());
        recorded.put("serviceId", serviceId);
        recorded.put("screeningId", item.card().toString());
        recorded.put("outcome", item.outcome().wire());
        if (item.reason() != null || item.userComment() != null) {
            ObjectNode override = recorded.putObject("overrideReason");
            if (item.reason() != null) {
                ObjectNode reason = override.putObject("reason");
                reason.put("system", item.reason().system());
                reason.put("code", item.reason().code());
                if (item.reason().display() != null) {
                    reason.put("display", item.reason().display());
                }
            }
            if (item.userComment() != null) {
                override.put("userComment", item.userComment());
            }
        }
        recorded.put("outcomeTimestamp", item.outcomeTimestamp().toString());
        recorded.put("recordedAt", recordedAt.toString());
        return write(recorded);
    }

    AuditEntry entry(UUID feedbackId, FeedbackReader.Item item, String json, String clinicId, String clientId,
            Instant recordedAt) {
        return new AuditEntry(feedbackId, write(item.received()), json, Ruleset.NAME, Ruleset.VERSION, null, null,
                null, clientId, CdsServicesResource.SOURCE_FORMAT, recordedAt, KIND, clinicId);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A feedback record could not be serialised", e);
        }
    }
}
