package org.microneedling.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.security.identity.SecurityIdentity;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microneedling.common.Messages;
import org.microneedling.screening.rules.Advisory;
import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Rule;
import org.microneedling.screening.rules.Ruleset;
import org.microneedling.security.Caller;
import org.microneedling.security.Roles;

@Path("/api/v1")
@Tag(name = "Reference")
@RolesAllowed({ Roles.SCREENING, Roles.ADMIN })
public class CatalogueResource {

    private final ClinicRulesets rulesets;
    private final SecurityIdentity identity;

    CatalogueResource(ClinicRulesets rulesets, SecurityIdentity identity) {
        this.rulesets = rulesets;
        this.identity = identity;
    }

    @Schema(name = "RuleCatalogue")
    @JsonPropertyOrder({ "ruleset", "rules", "advisories" })
    public record Catalogue(ScreeningResult.RulesetIdentity ruleset, List<RuleEntry> rules,
            List<AdvisoryEntry> advisories) {
    }

    /** @param defaultOutcome the outcome when the triggering answer is YES, under the policy in effect */
    @JsonPropertyOrder({ "order", "code", "defaultOutcome", "criterion", "parameters", "source" })
    public record RuleEntry(int order, String code, Outcome defaultOutcome, String criterion,
            Map<String, Object> parameters, String source) {
    }

    @JsonPropertyOrder({ "code", "criterion", "parameters", "source" })
    public record AdvisoryEntry(String code, String criterion, Map<String, Object> parameters, String source) {
    }

    @GET
    @Path("/rules")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The rule catalogue",
            description = "Every rule in reporting order with its code, outcome, parameters and source, the advisories, "
                    + "and the ruleset identity whose digest changes with any policy change, under the caller's "
                    + "clinic's policy in force.")
    public Catalogue rules() {
        PolicyInForce policy = rulesets.inForce(Caller.clinicOf(identity));
        Ruleset ruleset = policy.ruleset();
        List<RuleEntry> rules = new ArrayList<>();
        int order = 1;
        for (Rule rule : ruleset.rules()) {
            rules.add(new RuleEntry(order++, rule.code(), rule.outcome(), rule.criterion(),
                    new TreeMap<>(rule.parameters()), rule.source()));
        }
        List<AdvisoryEntry> advisories = ruleset.advisories().stream()
                .map(advisory -> new AdvisoryEntry(advisory.code(), advisory.criterion(),
                        new TreeMap<>(advisory.parameters()), advisory.source()))
                .toList();
        return new Catalogue(policy.identity(), rules, advisories);
    }

    // Adapters may serve other representations of this path, chosen by Accept; this one is the default.
    @GET
    @Path("/questionnaire")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The questionnaire definition",
            description = "Sections and items (JSON path, question text, answer type and options, required, help, limits) "
                    + "in the language chosen by Accept-Language, so that a client can render the form.")
    @APIResponse(responseCode = "200", description = "The questionnaire", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuestionnaireDefinition.Definition.class)))
    public Response questionnaire(@Context HttpHeaders headers) {
        Messages messages = Messages.forRequest(headers);
        return Response.ok(QuestionnaireDefinition.of(messages), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, messages.locale().getLanguage()).build();
    }
}
