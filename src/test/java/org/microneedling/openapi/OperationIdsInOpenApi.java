package org.microneedling.openapi;

import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Names every operation in the contract's words, so that generated clients get methods such as screenPatient rather
 * than apiV1ScreeningsPost. The names are part of the API: a generated client breaks when one changes. An operation
 * missing here keeps no name and fails OpenApiContractTest. The tags, which become the client's API classes, get the
 * names of the API's parts rather than of resource classes.
 */
@OpenApiFilter(priority = 100)
public class OperationIdsInOpenApi implements OASFilter {

    static final Map<String, String> OPERATION_IDS = Map.ofEntries(
            Map.entry("POST /api/v1/screenings", "screenPatient"),
            Map.entry("POST /api/v1/screenings/batch", "screenBatch"),
            Map.entry("GET /api/v1/screenings/{screeningId}", "getScreening"),
            Map.entry("GET /api/v1/screenings/{screeningId}/status", "getScreeningStatus"),
            Map.entry("GET /api/v1/screenings/{screeningId}/instructions", "getInstructions"),
            Map.entry("POST /api/v1/screenings/{screeningId}/reviews", "reviewScreening"),
            Map.entry("GET /api/v1/reviews", "listReviews"),
            Map.entry("GET /api/v1/clearances", "getClearance"),
            Map.entry("GET /api/v1/questionnaire", "getQuestionnaire"),
            Map.entry("GET /api/v1/rules", "getRules"),
            Map.entry("GET /api/v1/policy", "getPolicyInForce"),
            Map.entry("GET /api/v1/policies", "listPolicies"),
            Map.entry("POST /api/v1/policies", "createPolicyDraft"),
            Map.entry("GET /api/v1/policies/{version}", "getPolicy"),
            Map.entry("POST /api/v1/policies/{version}/replay", "replayPolicy"),
            Map.entry("POST /api/v1/policies/{version}/activation", "activatePolicy"),
            Map.entry("GET /api/v1/audit/verification", "verifyAuditTrail"),
            Map.entry("GET /api/v1/me", "getCaller"),
            Map.entry("GET /api/v1/session", "getSession"),
            Map.entry("GET /cds-services", "discoverCdsServices"),
            Map.entry("POST /cds-services/microneedling-screening", "callCdsScreeningService"),
            Map.entry("POST /cds-services/{id}/feedback", "sendCdsFeedback"));

    /** Tags Quarkus derives from resource class names, by the name a client team reads (and its API class). */
    static final Map<String, String> TAGS = Map.of(
            "Stored Screening Resource", "Screening",
            "Audit Verification Resource", "Audit",
            "Instructions Resource", "Instructions");

    static final Map<String, String> TAG_DESCRIPTIONS = Map.of(
            "Screening", "Screen questionnaires and read decisions back",
            "Reference", "The questionnaire and the rule catalogue a client renders and explains decisions with",
            "Reviews", "The provider review of referrals, and the clearances that follow",
            "Policies", "A clinic's thresholds and outcomes: drafts, replays and activation",
            "Instructions", "Patient instructions tailored to a decision",
            "Audit", "Verification of the audit trail's hash chains",
            "Caller", "Who the caller is, and the front-desk page's session",
            "CDS Hooks", "The CDS Hooks 2.0 service for EHRs");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.setTags(new java.util.ArrayList<>(TAG_DESCRIPTIONS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(tag -> OASFactory.createTag().name(tag.getKey()).description(tag.getValue())).toList()));
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() != null) {
                item.getOperations().forEach((method, operation) -> {
                    String id = OPERATION_IDS.get(key(method, path));
                    if (id != null) {
                        operation.setOperationId(id);
                    }
                    if (operation.getTags() != null) {
                        operation.setTags(new java.util.ArrayList<>(operation.getTags().stream()
                                .map(tag -> TAGS.getOrDefault(tag, tag)).toList()));
                    }
                });
            }
        });
    }

    static String key(PathItem.HttpMethod method, String path) {
        return method.name().toUpperCase(Locale.ROOT) + " " + path;
    }
}
