package org.microneedling.policy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.microneedling.audit.AuditEntry;
import org.microneedling.screening.PolicyInForce;
import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Policy;
import org.microneedling.screening.rules.Rule;
import org.microneedling.screening.rules.Ruleset;

/**
 * Versions and activations as audit records, hash-chained with the decisions: the body as received, and what was
 * created, as the API showed it. The record id is derived from clinic and version, so two instances on one
 * database cannot both create (or activate) the same version: the database refuses the second.
 */
final class PolicyRecords {

    static final String VERSION_KIND = "policy.version";
    static final String ACTIVATION_KIND = "policy.activation";

    private final ObjectMapper mapper;
    private final Ruleset configured;

    PolicyRecords(ObjectMapper mapper, Ruleset configured) {
        this.mapper = mapper;
        this.configured = configured;
    }

    AuditEntry versionEntry(PolicyVersion version, String requestBody, String clientId) {
        PolicyDocument created = PolicyDocument.of(version, PolicyStatus.DRAFT, null);
        return entry(VERSION_KIND, version.clinicId(), version.version(), requestBody, json(created), version.digest(),
                clientId, version.createdAt());
    }

    AuditEntry activationEntry(String clinicId, PolicyVersion version, Activation activation, String requestBody,
            String clientId) {
        Map<String, Object> approved = new LinkedHashMap<>();
        approved.put("clinicId", clinicId);
        approved.put("version", activation.version());
        approved.put("effectiveFrom", activation.effectiveFrom().toString());
        approved.put("effectiveAt", activation.effectiveAt().toString());
        approved.put("approvedBy", activation.approvedBy());
        approved.put("approvedByName", activation.approvedByName());
        approved.put("approvedAt", activation.approvedAt().toString());
        return entry(ACTIVATION_KIND, clinicId, activation.version(), requestBody, json(approved), version.digest(),
                clientId, activation.approvedAt());
    }

    /** The version a record created, with its ruleset built again under this build's rules and tables. */
    PolicyVersion version(AuditEntry entry) {
        JsonNode created = tree(entry.result());
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode parameters = created.path("parameters");
        for (PolicyParameter parameter : PolicyParameter.values()) {
            JsonNode value = parameters.get(parameter.jsonName());
            // A parameter added after the version was created keeps the configured value.
            values.put(parameter.jsonName(), value == null || value.isNull()
                    ? parameter.valueIn(configured.policy())
                    : switch (parameter.type()) {
                        case WHOLE_NUMBER -> value.intValue();
                        case DECIMAL -> new BigDecimal(value.asText());
                        case OUTCOME -> Outcome.valueOf(value.asText());
                    });
        }
        Map<String, Outcome> outcomes = new TreeMap<>();
        created.path("outcomes").fields().forEachRemaining(
                field -> outcomes.put(field.getKey(), Outcome.valueOf(field.getValue().asText())));
        Policy policy = sparse(PolicyParameter.policyOf(values, outcomes));
        int number = created.path("version").intValue();
        String clinicId = entry.clinicOrDefault();
        return new PolicyVersion(number, policy, PolicyInForce.of(clinicId, number, configured.withPolicy(policy)),
                text(created, "note"), text(created, "createdBy"), text(created, "createdByName"),
                Instant.parse(created.path("createdAt").asText()));
    }

    /**
     * The same policy with only the outcomes that differ from the rules' shipped ones: a version reads back equal
     * to the one created, though its record lists every outcome.
     */
    Policy sparse(Policy policy) {
        Map<String, Outcome> overrides = new TreeMap<>();
        for (Rule rule : configured.withPolicy(policy.withOutcomes(Map.of())).rules()) {
            Outcome outcome = policy.outcomeFor(rule.code(), rule.outcome());
            if (outcome != rule.outcome()) {
                overrides.put(rule.code(), outcome);
            }
        }
        return policy.withOutcomes(overrides);
    }

    int versionNumber(AuditEntry entry) {
        return tree(entry.result()).path("version").intValue();
    }

    Activation activation(AuditEntry entry) {
        JsonNode approved = tree(entry.result());
        return new Activation(approved.path("version").intValue(),
                LocalDate.parse(approved.path("effectiveFrom").asText()),
                Instant.parse(approved.path("effectiveAt").asText()), text(approved, "approvedBy"),
                text(approved, "approvedByName"),
                Instant.parse(approved.path("approvedAt").asText()));
    }

    private AuditEntry entry(String kind, String clinicId, int version, String request, String result,
            String digest, String clientId, Instant at) {
        UUID id = UUID.nameUUIDFromBytes((kind + "/" + clinicId + "/" + version).getBytes(StandardCharsets.UTF_8));
        return new AuditEntry(id, request, result, Ruleset.NAME, Ruleset.VERSION, digest, null, null, clientId,
                "json", at, kind, clinicId);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A policy record could not be serialised", e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A policy record in the audit store is not JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
