package org.microneedling.policy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.security.identity.SecurityIdentity;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microneedling.common.Messages;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.Violation;
import org.microneedling.screening.RequestBodies;
import org.microneedling.screening.ScreeningConfig;
import org.microneedling.screening.ScreeningService;
import org.microneedling.screening.rules.Advisory;
import org.microneedling.screening.rules.Rule;
import org.microneedling.security.Caller;
import org.microneedling.security.Roles;

/** A clinic's policies: the one in force, its versions, drafts, replay and activation (contract section 2). */
@Path("/api/v1")
@Tag(name = "Policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    static final int MAX_REPLAY_DAYS = 366;
    static final int MAX_SCHEDULE_DAYS = 366;

    private final PolicyRegistry registry;
    private final PolicyReplay replay;
    private final ScreeningService screening;
    private final RequestBodies bodies;
    private final SecurityIdentity identity;
    private final ZoneId zone;
    private final DraftReader drafts;

    PolicyResource(PolicyRegistry registry, PolicyReplay replay, ScreeningService screening, RequestBodies bodies,
            SecurityIdentity identity, ScreeningConfig config) {
        this.registry = registry;
        this.replay = replay;
        this.screening = screening;
        this.bodies = bodies;
        this.identity = identity;
        this.zone = config.zone();
        this.drafts = new DraftReader(
                registry.configured().rules().stream().map(Rule::code).collect(Collectors.toUnmodifiableSet()),
                registry.configured().advisories().stream().map(Advisory::code).collect(Collectors.toUnmodifiableSet()));
    }

    @GET
    @Path("/policy")
    @RolesAllowed({ Roles.SCREENING, Roles.AUDIT, Roles.ADMIN, Roles.PROVIDER, Roles.MEDICAL_DIRECTOR })
    @Operation(summary = "The clinic's policy in force",
            description = "Every parameter and reason outcome the caller's clinic decides under now; version 0 is the "
                    + "service's configuration.")
    @APIResponse(responseCode = "200", description = "The policy in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyDocument.class)))
    public PolicyDocument inForce() {
        ClinicPolicies policies = registry.policies(Caller.clinicOf(identity));
        Instant now = Instant.now();
        return document(policies, policies.inForce(now).version(), now);
    }

    /** Every version, newest first. */
    @Schema(name = "PolicyVersions")
    public record Versions(List<PolicyDocument> items) {
    }

    @GET
    @Path("/policies")
    @RolesAllowed({ Roles.ADMIN, Roles.MEDICAL_DIRECTOR })
    @Operation(summary = "Every version of the clinic's policy", description = "Newest first, version 0 last.")
    public Versions versions() {
        ClinicPolicies policies = registry.policies(Caller.clinicOf(identity));
        Instant now = Instant.now();
        return new Versions(policies.newestFirst().stream()
                .map(version -> document(policies, version.version(), now)).toList());
    }

    @GET
    @Path("/policies/{version}")
    @RolesAllowed({ Roles.ADMIN, Roles.MEDICAL_DIRECTOR })
    @Operation(summary = "One version of the clinic's policy")
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyDocument.class)))
    @APIResponse(responseCode = "404", description = "The clinic has no such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PolicyDocument version(@PathParam("version") String version) {
        int number = versionNumber(version);
        ClinicPolicies policies = registry.policies(Caller.clinicOf(identity));
        policies.version(number).orElseThrow(() -> PolicyRegistry.unknownVersion(number));
        return document(policies, number, Instant.now());
    }

    @POST
    @Path("/policies")
    @RolesAllowed({ Roles.ADMIN, Roles.MEDICAL_DIRECTOR })
    @Operation(summary = "Create a draft",
            description = "Body {\"basedOn\": 3, \"parameters\": {...}, \"outcomes\": {...}, \"note\": \"...\"}; what is "
                    + "not given comes from basedOn (default: the version in force). The draft is recorded in the "
                    + "audit trail before the answer. A 400 names every bad field (parameters.minimumAge, "
                    + "outcomes.ECZEMA) and stores nothing.")
    @APIResponse(responseCode = "201", description = "The new DRAFT; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyDocument.class)))
    @APIResponse(responseCode = "400", description = "Invalid draft; violations name every bad field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createDraft(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpHeaders headers, byte[] body) {
        Messages messages = Messages.forRequest(headers);
        JsonNode draft = json(contentType, body, messages);
        Caller caller = Caller.of(identity);
        PolicyVersion created = registry.createDraft(caller.clinicId(),
                policies -> drafts.read(draft, number -> policies.version(number).map(PolicyVersion::policy),
                        policies.inForce(Instant.now()).version(), messages),
                new String(body, StandardCharsets.UTF_8), caller);
        ClinicPolicies policies = registry.policies(caller.clinicId());
        return Response.created(URI.create("/api/v1/policies/" + created.version()))
                .entity(document(policies, created.version(), Instant.now())).build();
    }

    @POST
    @Path("/policies/{version}/replay")
    @RolesAllowed({ Roles.ADMIN, Roles.MEDICAL_DIRECTOR })
    @Operation(summary = "Replay recorded screenings under a version",
            description = "Body {\"from\": \"2026-11-01\", \"to\": \"2026-11-30\"}: dates of evaluatedAt in screening.zone, "
                    + "inclusive, at most 366 days apart. Every screening of the clinic in the range is decided again "
                    + "from its recorded request and asOf, and compared with the recorded outcome. Writes nothing.")
    @APIResponse(responseCode = "200", description = "The replay report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayReport.class)))
    @APIResponse(responseCode = "404", description = "The clinic has no such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReplayReport replay(@PathParam("version") String version,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context HttpHeaders headers, byte[] body) {
        Messages messages = Messages.forRequest(headers);
        int number = versionNumber(version);
        JsonNode range = json(contentType, body, messages);
        String clinicId = Caller.clinicOf(identity);
        PolicyVersion replayed = registry.policies(clinicId).version(number).orElseThrow(() -> PolicyRegistry.unknownVersion(number));
        List<Violation> violations = new ArrayList<>();
        onlyProperties(range, Set.of("from", "to"), messages, violations);
        LocalDate from = date(range, "from", true, messages, violations);
        LocalDate to = date(range, "to", true, messages, violations);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                violations.add(new Violation("to", messages.get("violation.notBefore", from.toString())));
            } else if (ChronoUnit.DAYS.between(from, to) > MAX_REPLAY_DAYS) {
                violations.add(new Violation("to", messages.get("violation.rangeTooLong",
                        String.valueOf(MAX_REPLAY_DAYS))));
            }
        }
        requireNone(violations, messages);
        return replay.replay(clinicId, number, replayed.ready().ruleset(), from, to, zone);
    }

    @POST
    @Path("/policies/{version}/activation")
    @RolesAllowed(Roles.MEDICAL_DIRECTOR)
    @Operation(summary = "Activate a draft",
            description = "Body {} (now) or {\"effectiveFrom\": \"2026-12-07\"} (from the start of that day in "
                    + "screening.zone). Only a medical director may activate, and only a DRAFT. The approval is recorded "
                    + "in the audit trail before the answer; the version in force until then becomes RETIRED when this "
                    + "one takes effect.")
    @APIResponse(responseCode = "200", description = "The version, now ACTIVE or SCHEDULED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyDocument.class)))
    @APIResponse(responseCode = "404", description = "The clinic has no such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version is not a DRAFT",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PolicyDocument activate(@PathParam("version") String version,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context HttpHeaders headers, byte[] body) {
        Messages messages = Messages.forRequest(headers);
        int number = versionNumber(version);
        JsonNode request = body == null || body.length == 0 ? JsonNodeFactory.instance.objectNode()
                : json(contentType, body, messages);
        List<Violation> violations = new ArrayList<>();
        onlyProperties(request, Set.of("effectiveFrom"), messages, violations);
        LocalDate effectiveFrom = date(request, "effectiveFrom", false, messages, violations);
        LocalDate today = LocalDate.now(zone);
        if (effectiveFrom != null && effectiveFrom.isBefore(today)) {
            violations.add(new Violation("effectiveFrom", messages.get("violation.notBefore", today.toString())));
        } else if (effectiveFrom != null && ChronoUnit.DAYS.between(today, effectiveFrom) > MAX_SCHEDULE_DAYS) {
            violations.add(new Violation("effectiveFrom", messages.get("violation.atMost",
                    today.plusDays(MAX_SCHEDULE_DAYS).toString())));
        }
        requireNone(violations, messages);
        Caller caller = Caller.of(identity);
        registry.activate(caller.clinicId(), number, now -> {
            boolean later = effectiveFrom != null && effectiveFrom.isAfter(LocalDate.ofInstant(now, zone));
            return new Activation(number, later ? effectiveFrom : LocalDate.ofInstant(now, zone),
                    later ? effectiveFrom.atStartOfDay(zone).toInstant() : now, caller.personId(),
                    caller.displayName(), now);
        }, body == null || body.length == 0 ? "{}" : new String(body, StandardCharsets.UTF_8), caller.clientId());
        return document(registry.policies(caller.clinicId()), number, Instant.now());
    }

    private static PolicyDocument document(ClinicPolicies policies, int number, Instant now) {
        PolicyVersion version = policies.version(number).orElseThrow(() -> PolicyRegistry.unknownVersion(number));
        return PolicyDocument.of(version, policies.status(number, now), policies.activation(number).orElse(null));
    }

    private JsonNode json(String contentType, byte[] body, Messages messages) {
        bodies.requireJson(contentType, messages);
        bodies.requireSingleSize(body, messages);
        JsonNode node = screening.parse(body, messages);
        if (!node.isObject()) {
            throw ProblemException.invalid(messages.get("problem.notObject"), List.of());
        }
        return node;
    }

    private static int versionNumber(String version) {
        if (version == null || !version.matches("0|[1-9][0-9]{0,8}")) {
            throw ProblemException.invalid("The policy version is not valid.",
                    List.of(new Violation("version", "must be a whole number: 0, 1, 2, ...")));
        }
        return Integer.parseInt(version);
    }

    private static void onlyProperties(JsonNode body, Set<String> known, Messages messages,
            List<Violation> violations) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext();) {
            String name = fields.next().getKey();
            if (!known.contains(name)) {
                violations.add(new Violation(name, messages.get("violation.unknownProperty")));
            }
        }
    }

    private static LocalDate date(JsonNode body, String field, boolean required, Messages messages,
            List<Violation> violations) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                violations.add(new Violation(field, messages.get("violation.required")));
            }
            return null;
        }
        if (value.isTextual() && value.textValue().matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(value.textValue());
            } catch (DateTimeParseException e) {
                // Falls through to the violation: 2026-02-30 has the form but is no date.
            }
        }
        violations.add(new Violation(field, messages.get("violation.date")));
        return null;
    }

    private static void requireNone(List<Violation> violations, Messages messages) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(messages.get("problem.parameters"), violations);
        }
    }
}
