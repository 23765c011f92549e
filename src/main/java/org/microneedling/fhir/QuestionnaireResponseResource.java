package org.microneedling.fhir;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microneedling.common.CallerContext;
import org.microneedling.common.Messages;
import org.microneedling.screening.RequestBodies;
import org.microneedling.screening.ScreeningResource;
import org.microneedling.screening.ScreeningResult;
import org.microneedling.screening.ScreeningService;
import org.microneedling.security.Caller;
import org.microneedling.security.Roles;

/**
 * An R4 QuestionnaireResponse to the FHIR Questionnaire, screened like the JSON questionnaire it
 * translates to: {@code POST /api/v1/screenings} with {@code Content-Type: application/fhir+json}.
 */
@Path("/api/v1/screenings")
@Tag(name = "Screening")
@RolesAllowed({ Roles.SCREENING, Roles.ADMIN })
public class QuestionnaireResponseResource {

    /** The audit's name for a screening that came as a QuestionnaireResponse. */
    static final String SOURCE_FORMAT = "fhir";

    private final ScreeningService service;
    private final RequestBodies bodies;
    private final QuestionnaireResponseTranslator translator;
    private final SecurityIdentity identity;

    QuestionnaireResponseResource(ScreeningService service, RequestBodies bodies,
            QuestionnaireResponseTranslator translator, SecurityIdentity identity) {
        this.service = service;
        this.bodies = bodies;
        this.translator = translator;
        this.identity = identity;
    }

    // A FHIR client sends Accept: application/fhir+json; it still receives the v1 result as JSON.
    @POST
    @Consumes(FhirMediaTypes.FHIR_JSON)
    @Produces({ MediaType.APPLICATION_JSON, FhirMediaTypes.FHIR_JSON })
    // The operation is screening's; FhirOperationDescriptions adds the FHIR sentences to its descriptions.
    @Operation(summary = "Screen one intake questionnaire")
    @RequestBody(required = true, content = @Content(mediaType = FhirMediaTypes.FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "R4 QuestionnaireResponse")))
    @APIResponse(responseCode = "200", description = "The decision", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScreeningResult.class)))
    public Uni<Response> screen(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpHeaders headers, byte[] body) {
        Messages messages = Messages.forRequest(headers);
        if (!FhirMediaTypes.isFhirJson(contentType)) {
            // The dispatcher also sends a body without a concrete media type here; it is refused as on the JSON path.
            bodies.requireJson(contentType, messages);
        }
        bodies.requireSingleSize(body, messages);
        return CallerContext.resumeOn(service.screenTranslated(
                translator.toScreeningRequest(service.parse(body, messages), messages), SOURCE_FORMAT, messages,
                Caller.of(identity))).map(screened -> ScreeningResource.answer(screened, messages));
    }

    @POST
    @Consumes(FhirMediaTypes.LEGACY_FHIR_JSON)
    @Produces({ MediaType.APPLICATION_JSON, FhirMediaTypes.FHIR_JSON })
    @Operation(hidden = true)
    public Uni<Response> screenLegacy(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpHeaders headers, byte[] body) {
        return screen(contentType, headers, body);
    }
}
