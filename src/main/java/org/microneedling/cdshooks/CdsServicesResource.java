package org.microneedling.cdshooks;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microneedling.common.CallerContext;
import org.microneedling.common.Characters;
import org.microneedling.common.Messages;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;
import org.microneedling.fhir.QuestionnaireCanonicals;
import org.microneedling.review.ScreeningLookup;
import org.microneedling.screening.RequestBodies;
import org.microneedling.screening.ScreeningService;
import org.microneedling.security.Caller;
import org.microneedling.security.Roles;

/** CDS Hooks 2.0: discovery and the microneedling screening service on appointment-book. */
@Path("/cds-services")
@Tag(name = "CDS Hooks")
public class CdsServicesResource {

    static final String SERVICE_ID = "microneedling-screening";
    /** The audit's name for a screening that came as a CDS Hooks call. */
    static final String SOURCE_FORMAT = "cds-hooks";
    /** The screening request's limit on {@code patientReference}. */
    private static final int MAX_PATIENT_REFERENCE = 64;

    private final ScreeningService screening;
    private final HookRequestTranslator translator;
    private final CardWriter cards;
    private final CdsHooksConfig config;
    private final QuestionnaireCanonicals questionnaires;
    private final SecurityIdentity identity;
    private final ScreeningLookup lookup;
    private final FeedbackRecorder feedback;
    private final RequestBodies bodies;
    private final Optional<URI> publicBaseUrl;

    CdsServicesResource(ScreeningService screening, HookRequestTranslator translator, CardWriter cards,
            CdsHooksConfig config, QuestionnaireCanonicals questionnaires, SecurityIdentity identity,
            ScreeningLookup lookup, FeedbackRecorder feedback, RequestBodies bodies,
            @ConfigProperty(name = "screening.public-base-url") Optional<URI> publicBaseUrl) {
        this.bodies = bodies;
        this.publicBaseUrl = publicBaseUrl;
        this.lookup = lookup;
        this.feedback = feedback;
        this.screening = screening;
        this.translator = translator;
        this.cards = cards;
        this.config = config;
        this.questionnaires = questionnaires;
        this.identity = identity;
    }

    // Discovery names the service and its prefetch templates only, and an EHR reads it before it has credentials set up.
    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "CDS Hooks discovery", description = "Lists the microneedling screening service and its prefetch.")
    public ObjectNode discovery() {
        Messages messages = Messages.of(Messages.DEFAULT_LOCALE);
        ObjectNode service = JsonNodeFactory.instance.objectNode();
        service.put("hook", HookRequestTranslator.HOOK);
        service.put("id", SERVICE_ID);
        service.put("title", messages.get("cds.service.title"));
        service.put("description", messages.get("cds.service.description"));
        ObjectNode prefetch = service.putObject("prefetch");
        prefetch.put(HookRequestTranslator.PREFETCH_PATIENT, "Patient/{{context.patientId}}");
        prefetch.put(HookRequestTranslator.PREFETCH_CONDITIONS,
                "Condition?patient={{context.patientId}}&clinical-status=active");
        prefetch.put(HookRequestTranslator.PREFETCH_MEDICATIONS,
                "MedicationRequest?patient={{context.patientId}}&status=active");
        prefetch.put(HookRequestTranslator.PREFETCH_INTAKE, "QuestionnaireResponse?subject=Patient/{{context.patientId}}"
                + "&questionnaire=" + questionnaires.urls().stream()
                        .map(url -> URLEncoder.encode(url, StandardCharsets.UTF_8)).collect(Collectors.joining(","))
                + "&status=completed&_sort=-authored&_count=1");
        ObjectNode discovery = JsonNodeFactory.instance.objectNode();
        discovery.putArray("services").add(service);
        return discovery;
    }

    @POST
    @Path("/" + SERVICE_ID)
    @RolesAllowed({ Roles.SCREENING, Roles.ADMIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Screen the patient of an appointment-book hook",
            description = "Screens from the prefetch (birth date, active conditions and medication requests, a completed "
                    + "intake if the EHR holds one) and answers one card: critical for INELIGIBLE, warning for "
                    + "REFER_TO_PROVIDER, info for ELIGIBLE. Answers the record cannot give count as not known. "
                    + "The decision is audited like any other.")
    public Uni<Response> screen(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpHeaders headers, byte[] body) {
        Messages messages = Messages.forRequest(headers);
        requireJson(contentType, messages);
        JsonNode hookRequest = screening.parse(body, messages);
        HookRequestTranslator.Translated translated = translator.translate(hookRequest, questionnaires.urls(), messages);
        CardWriter.Links links = CardWriter.Links.configured(config.sourceUrl(), config.frontDeskUrl(),
                publicBaseUrl);
        Caller caller = Caller.of(identity);
        // Judged before this call's screening is recorded, and from the same view a booking tool's look-up reads.
        ScreeningLookup.Clearance clearance = clearance(caller.clinicId(), hookRequest);
        if (translated.request() == null) {
            return Uni.createFrom().item(Response.ok(cards.birthDateMissing(clearance, links, messages),
                    MediaType.APPLICATION_JSON_TYPE).build());
        }
        return CallerContext.resumeOn(screening.screenTranslated(translated.request(),
                SOURCE_FORMAT, messages, caller))
                .map(screened -> Response.ok(cards.cards(screened.result(), translated.unknownFromRecord(), clearance,
                        links, messages), MediaType.APPLICATION_JSON_TYPE).build());
    }

    /** The hook's patient id is the clinic's patient reference; one that cannot be a reference has no clearance. */
    private ScreeningLookup.Clearance clearance(String clinicId, JsonNode hookRequest) {
        String patientId = hookRequest.path("context").path("patientId").textValue();
        if (patientId == null || Characters.exceed(patientId, MAX_PATIENT_REFERENCE)
                || Characters.hasControlOrBroken(patientId)) {
            return null;
        }
        return lookup.validClearance(clinicId, patientId).orElse(null);
    }

    @POST
    @Path("/{id}/feedback")
    @RolesAllowed({ Roles.SCREENING, Roles.ADMIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Feedback on cards",
            description = "CDS Hooks 2.0 feedback: {\"feedback\": [{\"card\": \"<uuid>\", \"outcome\": \"accepted\" | "
                    + "\"overridden\", \"overrideReason\": {\"reason\": Coding, \"userComment\": \"...\"}, "
                    + "\"outcomeTimestamp\": \"<date-time>\"}]}, at most 100 items and 64 KiB. Each item is recorded in the audit "
                    + "trail with the screening its card came from, before the answer; when they cannot be recorded, "
                    + "none is kept.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "200", description = "Every item recorded: {\"recorded\": [{\"card\", \"feedbackId\"}]}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "400", description = "Invalid feedback, or a card this service did not give the clinic; "
            + "violations name every bad field (feedback[i].card, feedback[i].outcome, ...)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No CDS service with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    // Finding the screening may read the audit store (a referral past the kept head of the queue): not on an event loop.
    @Blocking
    public Uni<Response> feedback(@PathParam("id") String serviceId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context HttpHeaders headers, byte[] body) {
        Messages messages = Messages.forRequest(headers);
        bodies.requireJson(contentType, messages);
        bodies.requireSingleSize(body, messages);
        JsonNode node = screening.parse(body, messages);
        List<FeedbackReader.Item> items = FeedbackReader.read(node, config.overrideReasonSystem(), feedback.now(),
                messages);
        // After the body: a malformed body gets the same answer whichever service it was sent to.
        if (!SERVICE_ID.equals(serviceId)) {
            throw ProblemException.of(ProblemType.NOT_FOUND, messages.get("cds.problem.unknownService", SERVICE_ID));
        }
        return CallerContext.resumeOn(feedback.record(Caller.of(identity), serviceId, items, messages))
                .map(recorded -> {
                    ObjectNode answer = JsonNodeFactory.instance.objectNode();
                    ArrayNode list = answer.putArray("recorded");
                    recorded.forEach(one -> list.addObject().put("card", one.card().toString())
                            .put("feedbackId", one.feedbackId().toString()));
                    return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
                });
    }

    private static void requireJson(String contentType, Messages messages) {
        MediaType type = null;
        try {
            type = contentType == null || contentType.isBlank() ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardType()
                || type.isWildcardSubtype()) {
            throw new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    messages.get("problem.missingMediaType")));
        }
    }
}
