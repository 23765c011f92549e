package org.microneedling.instructions;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.microneedling.audit.DecisionLog;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;
import org.microneedling.common.Violation;
import org.microneedling.security.Caller;
import org.microneedling.security.Roles;

/**
 * The patient's instruction sheet for a recorded screening, as JSON or as a printable page, in English or Spanish.
 * Any role may read it, since the front desk hands it over. Only the caller's clinic's screenings are found: another
 * clinic's id is answered exactly like an id never recorded.
 */
@Path("/api/v1/screenings/{screeningId}/instructions")
@RolesAllowed({ Roles.SCREENING, Roles.AUDIT, Roles.ADMIN, Roles.PROVIDER, Roles.MEDICAL_DIRECTOR })
public class InstructionsResource {

    static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final DecisionLog decisionLog;
    private final ScreeningStatusSource statuses;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;

    InstructionsResource(DecisionLog decisionLog, ScreeningStatusSource statuses, ObjectMapper mapper,
            SecurityIdentity identity) {
        this.decisionLog = decisionLog;
        this.statuses = statuses;
        this.mapper = mapper;
        this.identity = identity;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
    @Operation(summary = "The patient's instruction sheet for a screening",
            description = "Before the visit, the day, aftercare, results, side effects, when to call and what "
                    + "happens next, tailored to the decision and its status; every tailored item names the codes "
                    + "that put it there. JSON, or with Accept: text/html a page that prints on at most two A4 or "
                    + "Letter pages. Accept-Language chooses English or Spanish; Content-Language says which.")
    @APIResponse(responseCode = "200", description = "The sheet", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstructionSheet.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "The screening id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No screening of the caller's clinic has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response instructions(@PathParam("screeningId") String screeningId, @Context HttpHeaders headers) {
        UUID id = parse(screeningId);
        String clinic = Caller.clinicOf(identity);
        String result = decisionLog.findResult(id, clinic).orElseThrow(
                () -> ProblemException.of(ProblemType.NOT_FOUND, "No screening with id " + id + " is recorded."));
        StoredDecision decision = StoredDecision.read(id, result, mapper);
        PatientTexts texts = PatientTexts.forLanguages(headers::getAcceptableLanguages);
        InstructionSheet sheet = SheetBuilder.build(decision, statuses.statusOf(decision, clinic), texts);
        Response.ResponseBuilder response = wantsHtml(headers)
                ? Response.ok(SheetPage.render(sheet, texts), HTML_UTF8)
                        .header("Content-Security-Policy", SheetPage.CONTENT_SECURITY_POLICY)
                : Response.ok(sheet, MediaType.APPLICATION_JSON_TYPE);
        return response.header(HttpHeaders.CONTENT_LANGUAGE, texts.language())
                .header(HttpHeaders.VARY, "Accept, Accept-Language")
                .build();
    }

    /** The page when the client prefers HTML to JSON, as a browser does; JSON for anything else, any type too. */
    private static boolean wantsHtml(HttpHeaders headers) {
        List<MediaType> acceptable;
        try {
            acceptable = headers.getAcceptableMediaTypes();
        } catch (RuntimeException malformedHeader) {
            return false;
        }
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()
                    && !type.isWildcardSubtype()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                return true;
            }
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static UUID parse(String screeningId) {
        // UUID.fromString also accepts short forms such as 1-2-3-4-5, which no screening ever had.
        if (screeningId == null || !CANONICAL_UUID.matcher(screeningId).matches()) {
            throw ProblemException.invalid("The screening id is not valid.",
                    List.of(new Violation("screeningId",
                            "must be a UUID such as 3f1c2a9e-6d1b-4f7e-9a61-0b8f2f5d7c11")));
        }
        return UUID.fromString(screeningId);
    }
}
