package org.microneedling.cdshooks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microneedling.common.CallerContext;
import org.microneedling.common.Messages;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;
import org.microneedling.fhir.QuestionnaireCanonicals;
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

    private final ScreeningService screening;
    private final HookRequestTranslator translator;
    private final CardWriter cards;
    private final CdsHooksConfig config;
    private final QuestionnaireCanonicals questionnaires;
    private final SecurityIdentity identity;

    CdsServicesResource(ScreeningService screening, HookRequestTranslator translator, CardWriter cards,
            CdsHooksConfig config, QuestionnaireCanonicals questionnaires, SecurityIdentity identity) {
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
            @Context HttpHeaders headers, @Context UriInfo uriInfo, byte[] body) {
        Messages messages = Messages.forRequest(headers);
        requireJson(contentType, messages);
        JsonNode hookRequest = screening.parse(body, messages);
        HookRequestTranslator.Translated translated = translator.translate(hookRequest, questionnaires.urls(), messages);
        CardWriter.Links links = new CardWriter.Links(
                config.sourceUrl().orElseGet(() -> absolute(uriInfo, "api/v1/rules")),
                config.frontDeskUrl().orElseGet(() -> absolute(uriInfo, "")));
        if (translated.request() == null) {
            return Uni.createFrom().item(
                    Response.ok(cards.birthDateMissing(links, messages), MediaType.APPLICATION_JSON_TYPE).build());
        }
        return CallerContext.resumeOn(screening.screenTranslated(translated.request(),
                SOURCE_FORMAT, messages, Caller.of(identity)))
                .map(screened -> Response.ok(cards.cards(screened.result(), translated.unknownFromRecord(), links,
                        messages), MediaType.APPLICATION_JSON_TYPE).build());
    }

    private static String absolute(UriInfo uriInfo, String path) {
        return uriInfo.getBaseUri().resolve(path).toString();
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
