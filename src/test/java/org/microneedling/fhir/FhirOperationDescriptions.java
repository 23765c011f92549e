package org.microneedling.fhir;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The FHIR endpoints share their operations with screening's (one path, one method, another media
 * type), and the OpenAPI document keeps one description per operation: this adds what FHIR adds.
 */
@OpenApiFilter
public class FhirOperationDescriptions implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        PathItem questionnaire = openApi.getPaths().getPathItem(SharedPathNegotiation.QUESTIONNAIRE_PATH);
        if (questionnaire != null && questionnaire.getGET() != null) {
            append(questionnaire.getGET(), "With Accept: application/fhir+json, the same questionnaire as an R4 "
                    + "Questionnaire whose linkIds are the JSON paths.");
        }
        PathItem screenings = openApi.getPaths().getPathItem(SharedPathNegotiation.SCREENINGS_PATH);
        if (screenings != null && screenings.getPOST() != null) {
            Operation screen = screenings.getPOST();
            append(screen, "An R4 QuestionnaireResponse to the FHIR questionnaire is accepted as application/fhir+json "
                    + "and gives the same result.");
            APIResponse unsupported = screen.getResponses() == null ? null : screen.getResponses().getAPIResponse("415");
            if (unsupported != null) {
                unsupported.setDescription(unsupported.getDescription() + " or " + FhirMediaTypes.FHIR_JSON);
            }
        }
    }

    private static void append(Operation operation, String sentence) {
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? sentence : description + " " + sentence);
    }
}
