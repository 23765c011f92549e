package org.microneedling.screening;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.DecisionLog;
import org.microneedling.audit.RehearsalLog;
import org.microneedling.common.Messages;
import org.microneedling.common.ProblemException;
import org.microneedling.common.Violation;
import org.microneedling.screening.rules.Decision;
import org.microneedling.screening.rules.Ruleset;
import org.microneedling.security.Caller;

/**
 * Screens questionnaires: reads and validates them, lets the rules decide, renders the result and
 * records it in the decision log. A result leaves this class only after the log has committed it.
 */
@ApplicationScoped
public class ScreeningService {

    static final String SOURCE_FORMAT_JSON = "json";

    /**
     * Version 7 UUIDs: the first 48 bits are the time, so each new id lands at the end of the audit's id index
     * instead of on a random page that the commit must rewrite. The remaining 74 bits are random per id.
     */
    private static final TimeBasedEpochRandomGenerator SCREENING_IDS = Generators.timeBasedEpochRandomGenerator();

    private final QuestionnaireReader reader;
    private final ClinicRulesets rulesets;
    private final DecisionRenderer renderer;
    private final DecisionLog decisionLog;
    private final ObjectMapper mapper;
    private final ScreeningConfig config;
    /** Open while the warm-up rehearses through HTTP, where the audit trail is a journal: see {@link #rehearse}. */
    private volatile RehearsalLog rehearsalLog;

    ScreeningService(QuestionnaireReader reader, ClinicRulesets rulesets, DecisionRenderer renderer,
            DecisionLog decisionLog, ObjectMapper mapper, ScreeningConfig config) {
        this.reader = reader;
        this.rulesets = rulesets;
        this.renderer = renderer;
        this.decisionLog = decisionLog;
        this.mapper = mapper;
        this.config = config;
    }

    /** Parses a body into a JSON tree, answering 400 for anything that is not JSON. */
    public JsonNode parse(byte[] body, Messages messages) {
        return reader.parse(body, messages);
    }

    /**
     * Screens a v1 request that an adapter translated from another format. It is validated like a
     * JSON body, and the audit keeps the translated request, which holds none of the names or
     * references the original resource may carry.
     *
     * @param sourceFormat the adapter's name for its format, recorded in the audit
     */
    public CompletionStage<Screened> screenTranslated(JsonNode request, String sourceFormat, Messages messages,
            Caller caller) {
        List<Violation> violations = new ArrayList<>();
        QuestionnaireReader.Valid valid = reader.read(request, "", messages, violations);
        if (valid == null) {
            throw ProblemException.invalid(messages.get("problem.invalid", String.valueOf(violations.size())),
                    violations);
        }
        return recorded(decide(valid, request.toString(), sourceFormat, messages, caller,
                rulesets.inForce(caller.clinicId())));
    }

    /**
     * Screens one questionnaire body. A questionnaire that cannot be screened fails at once; a decision completes
     * the stage once the audit has committed it, and carries the result JSON exactly as it was recorded.
     */
    public CompletionStage<Screened> screen(byte[] body, Messages messages, Caller caller) {
        return recorded(decided(body, messages, caller));
    }

    /**
     * Everything {@link #screen} does before the audit: for the warm-up before readiness ({@link WarmUp}), whose
     * synthetic screenings must never be recorded. Never answer a client with it.
     */
    Screened decided(byte[] body, Messages messages, Caller caller) {
        JsonNode node = reader.parse(body, messages);
        if (!node.isObject()) {
            throw ProblemException.invalid(messages.get("problem.notObject"), List.of());
        }
        List<Violation> violations = new ArrayList<>();
        QuestionnaireReader.Valid valid = reader.read(node, "", messages, violations);
        if (valid == null) {
            throw ProblemException.invalid(messages.get("problem.invalid", String.valueOf(violations.size())),
                    violations);
        }
        return decide(valid, new String(body, StandardCharsets.UTF_8), SOURCE_FORMAT_JSON, messages, caller,
                rulesets.inForce(caller.clinicId()));
    }

    /**
     * A rehearsal through HTTP ({@link WarmUp}): decided as {@link #screen} does, then committed to the warm-up's own
     * scratch journal while one is open, so that the writer's code is compiled too; never to the audit trail.
     */
    CompletionStage<Screened> rehearse(byte[] body, Messages messages, Caller caller) {
        Screened screened = decided(body, messages, caller);
        RehearsalLog log = rehearsalLog;
        return log == null ? CompletableFuture.completedFuture(screened)
                : log.appendAsync(List.of(screened.auditEntry())).thenApply(committed -> screened);
    }

    /**
     * Opens the log {@link #rehearse} commits to, where the decision log has one; the returned action closes it and
     * deletes what it held.
     */
    Runnable openRehearsals() throws IOException {
        Optional<RehearsalLog> opened = decisionLog.openRehearsal();
        if (opened.isEmpty()) {
            return () -> {
            };
        }
        rehearsalLog = opened.get();
        return () -> {
            rehearsalLog = null;
            opened.get().close();
        };
    }

    private CompletionStage<Screened> recorded(Screened screened) {
        return decisionLog.appendAsync(List.of(screened.auditEntry())).thenApply(committed -> screened);
    }

    /** Screens a batch; the results come back in request order, all recorded in one commit. */
    public String screenBatch(byte[] body, Messages messages, Caller caller) {
        JsonNode node = reader.parseBatch(body, messages);
        if (!node.isArray()) {
            throw ProblemException.invalid(messages.get("problem.notArray"), List.of());
        }
        int maxSize = config.batch().maxSize();
        if (node.size() > maxSize) {
            throw ProblemException.invalid(
                    messages.get("problem.batchTooLarge", String.valueOf(maxSize), String.valueOf(node.size())),
                    List.of(new Violation("[" + maxSize + "]", messages.get("violation.beyondBatchLimit"))));
        }
        List<Violation> violations = new ArrayList<>();
        List<QuestionnaireReader.Valid> valid = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                violations.add(new Violation("[" + i + "]", messages.get("violation.batchItem")));
                continue;
            }
            valid.add(reader.read(item, "[" + i + "]", messages, violations));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(messages.get("problem.invalidBatch", String.valueOf(violations.size())),
                    violations);
        }
        // One policy for the whole batch, even if a new version takes effect while it is decided.
        PolicyInForce policy = rulesets.inForce(caller.clinicId());
        List<AuditEntry> entries = new ArrayList<>(valid.size());
        StringBuilder json = new StringBuilder(valid.size() * 1024).append('[');
        for (QuestionnaireReader.Valid questionnaire : valid) {
            Screened screened = decide(questionnaire, questionnaire.source().toString(), SOURCE_FORMAT_JSON, messages,
                    caller, policy);
            entries.add(screened.auditEntry());
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(screened.json());
        }
        decisionLog.append(entries);
        return json.append(']').toString();
    }

    private Screened decide(QuestionnaireReader.Valid valid, String requestAsReceived, String sourceFormat,
            Messages messages, Caller caller, PolicyInForce policy) {
        Decision decision = policy.ruleset().decide(valid.intake());
        UUID screeningId = SCREENING_IDS.generate();
        Instant evaluatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ScreeningResult result = renderer.render(decision, policy, valid.intake().asOf(), valid.request(), messages,
                screeningId, evaluatedAt,
                caller.person() ? new ScreeningResult.StaffMember(caller.personId(), caller.displayName()) : null);
        String json;
        try {
            json = mapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A screening result could not be serialised", e);
        }
        ScreeningResult.RulesetIdentity identity = result.ruleset();
        AuditEntry entry = new AuditEntry(screeningId, requestAsReceived, json, identity.name(), identity.version(),
                identity.digest(), result.asOf(), result.externalReference(), caller.clientId(), sourceFormat,
                evaluatedAt, AuditEntry.SCREENING, caller.clinicId());
        return new Screened(result, json, entry);
    }

    /**
     * Decides a recorded request again under another ruleset, for the day it was first decided for. Nothing is
     * recorded. Empty when the request no longer reads as valid (a later version of the service checks more).
     */
    public Optional<Decision> redecide(String recordedRequest, LocalDate recordedAsOf, Ruleset ruleset) {
        JsonNode node;
        try {
            node = mapper.readTree(recordedRequest);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (!(node instanceof ObjectNode request)) {
            return Optional.empty();
        }
        if (recordedAsOf != null) {
            request.put("asOf", recordedAsOf.toString());
        }
        List<Violation> violations = new ArrayList<>();
        QuestionnaireReader.Valid valid = reader.read(request, "", Messages.of(Messages.DEFAULT_LOCALE), violations);
        return valid == null ? Optional.empty() : Optional.of(ruleset.decide(valid.intake()));
    }

    /** A decision with its JSON and the audit entry that records it. */
    public record Screened(ScreeningResult result, String json, AuditEntry auditEntry) {
    }
}
