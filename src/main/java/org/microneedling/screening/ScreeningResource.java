package org.microneedling.screening;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microneedling.common.CallerContext;
import org.microneedling.common.Messages;
import org.microneedling.common.Problem;
import org.microneedling.security.Caller;
import org.microneedling.security.Rehearsals;
import org.microneedling.security.Roles;

@Path("/api/v1/screenings")
@Tag(name = "Screening")
@RolesAllowed({ Roles.SCREENING, Roles.ADMIN })
public class ScreeningResource {

    private final ScreeningService service;
    private final RequestBodies bodies;
    private final SecurityIdentity identity;

    ScreeningResource(ScreeningService service, RequestBodies bodies, SecurityIdentity identity) {
        this.service = service;
        this.bodies = bodies;
        this.identity = identity;
    }

    // Adapters may take other body formats on this path, chosen by Content-Type; this one takes the rest.
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Screen one intake questionnaire",
            description = "Returns ELIGIBLE, INELIGIBLE or REFER_TO_PROVIDER with every reason; every outcome is a 200. "
                    + "The decision is recorded in the audit log before it is returned.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScreeningRequest.class),
            examples = @ExampleObject(name = "refer", value = ApiExamples.REQUEST)))
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScreeningResult.class),
                    examples = @ExampleObject(name = "refer", value = ApiExamples.RESULT)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid answers; violations name every bad field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing answers", value = ApiExamples.PROBLEM)))
    @APIResponse(responseCode = "413", description = "Body larger than 64 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Body not sent as application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503",
            description = "The audit store cannot record the decision, or the instance is stopping; retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> screen(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpHeaders headers, byte[] body) {
        Messages messages = Messages.forRequest(headers);
        bodies.requireJson(contentType, messages);
        bodies.requireSingleSize(body, messages);
        if (Rehearsals.isRehearsal(identity)) {
            return CallerContext.resumeOn(service.rehearse(body, messages, Caller.of(identity)))
                    .map(screened -> answer(screened, messages));
        }
        return CallerContext.resumeOn(service.screen(body, messages, Caller.of(identity)))
                .map(screened -> answer(screened, messages));
    }

    /** The answer to one screening, whatever format its questionnaire came in. */
    public static Response answer(ScreeningService.Screened screened, Messages messages) {
        return Response.ok(screened.json(), MediaType.APPLICATION_JSON_TYPE)
                .location(URI.create("/api/v1/screenings/" + screened.result().screeningId()))
                .header(HttpHeaders.CONTENT_LANGUAGE, messages.locale().getLanguage())
                .build();
    }

    @POST
    @Path("/batch")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Screen many questionnaires",
            description = "A JSON array of questionnaires (at most screening.batch.max-size, default 1000). Results come "
                    + "back in the same order. If any questionnaire is invalid, none is screened and the violations "
                    + "name each bad field with its index, e.g. [2].patient.age.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ScreeningRequest.class)))
    @APIResponse(responseCode = "200", description = "One result per questionnaire, in request order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ScreeningResult.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, too many entries, or invalid answers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than the batch limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Body not sent as application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response screenBatch(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpHeaders headers, byte[] body) {
        Messages messages = Messages.forRequest(headers);
        bodies.requireJson(contentType, messages);
        bodies.requireAtMost(body, bodies.maxBatchBytes(), messages);
        return Response.ok(service.screenBatch(body, messages, Caller.of(identity)), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, messages.locale().getLanguage())
                .build();
    }
}
