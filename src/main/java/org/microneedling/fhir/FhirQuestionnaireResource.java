package org.microneedling.fhir;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microneedling.common.Messages;
import org.microneedling.screening.QuestionnaireDefinition;
import org.microneedling.security.Roles;

/**
 * The questionnaire as an R4 Questionnaire: the FHIR representation of {@code GET /api/v1/questionnaire},
 * chosen by {@code Accept: application/fhir+json}; any other Accept gets the JSON definition.
 */
@Path("/api/v1")
@Tag(name = "Reference")
@RolesAllowed({ Roles.SCREENING, Roles.ADMIN })
public class FhirQuestionnaireResource {

    private final FhirQuestionnaireWriter writer;

    FhirQuestionnaireResource(FhirQuestionnaireWriter writer) {
        this.writer = writer;
    }

    @GET
    @Path("/questionnaire")
    @Produces(FhirMediaTypes.FHIR_JSON_BELOW_JSON)
    // The operation is screening's; FhirOperationDescriptions adds the FHIR sentence to its description.
    @Operation(summary = "The questionnaire definition")
    @APIResponse(responseCode = "200", description = "The questionnaire", content = @Content(
            mediaType = FhirMediaTypes.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "R4 Questionnaire")))
    public Response questionnaire(@Context HttpHeaders headers) {
        Messages messages = Messages.forRequest(headers);
        return Response.ok(writer.write(QuestionnaireDefinition.of(messages)), FhirMediaTypes.FHIR_JSON_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, messages.locale().getLanguage()).build();
    }
}
