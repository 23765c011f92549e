package org.microneedling.review;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

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
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microneedling.common.CallerContext;
import org.microneedling.common.Messages;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.screening.RequestBodies;
import org.microneedling.screening.ScreeningService;
import org.microneedling.security.Caller;
import org.microneedling.security.Roles;

/** A provider's review of one screening, and where the screening stands (contract section 4). */
@Path("/api/v1/screenings")
@Tag(name = "Reviews")
public class ScreeningReviewResource {

    private final ReviewService reviews;
    private final ReviewIndex index;
    private final ScreeningService screening;
    private final RequestBodies bodies;
    private final SecurityIdentity identity;

    ScreeningReviewResource(ReviewService reviews, ReviewIndex index, ScreeningService screening,
            RequestBodies bodies, SecurityIdentity identity) {
        this.reviews = reviews;
        this.index = index;
        this.screening = screening;
        this.bodies = bodies;
        this.identity = identity;
    }

    @POST
    @Path("/{screeningId}/reviews")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PROVIDER, Roles.MEDICAL_DIRECTOR })
    @Operation(summary = "Review a referred screening",
            description = "Body {\"decision\": \"CLEARED\" | \"DECLINED\" | \"MORE_INFORMATION_NEEDED\", \"rationale\": "
                    + "\"...\", \"conditions\": [...], \"validUntil\": \"YYYY-MM-DD\"}. The reviewer is the caller. "
                    + "Recorded in the audit trail before the answer; a later review supersedes an earlier one, and "
                    + "none is ever changed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewRequest.class)))
    @APIResponse(responseCode = "201", description = "The review; Location names the screening's status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Review.class)))
    @APIResponse(responseCode = "400", description = "Invalid review; violations name every bad field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The clinic has no screening with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The screening was not referred to a provider",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    // Finding the screening may read the audit store (a referral past the kept head of the queue): not on an event loop.
    @Blocking
    public Uni<Response> review(@PathParam("screeningId") String screeningId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context HttpHeaders headers, byte[] body) {
        Messages messages = Messages.forRequest(headers);
        bodies.requireJson(contentType, messages);
        bodies.requireSingleSize(body, messages);
        UUID id = ScreeningIds.parse(screeningId);
        JsonNode node = screening.parse(body, messages);
        if (!node.isObject()) {
            throw ProblemException.invalid(messages.get("problem.notObject"), List.of());
        }
        ReviewRequest request = ReviewReader.read(node, messages);
        return CallerContext.resumeOn(reviews.review(Caller.of(identity), id, request,
                new String(body, StandardCharsets.UTF_8), messages))
                .map(recorded -> Response.created(URI.create("/api/v1/screenings/" + id + "/status"))
                        .entity(recorded.json()).type(MediaType.APPLICATION_JSON_TYPE).build());
    }

    @GET
    @Path("/{screeningId}/status")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SCREENING, Roles.AUDIT, Roles.ADMIN, Roles.PROVIDER, Roles.MEDICAL_DIRECTOR })
    @Operation(summary = "Where a screening stands today",
            description = "ELIGIBLE, INELIGIBLE, PENDING_REVIEW, MORE_INFORMATION_NEEDED, CLEARED, DECLINED or EXPIRED "
                    + "(an ELIGIBLE result or a clearance past its validUntil, on today's date in screening.zone), "
                    + "with every review, oldest first.")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReviewAnswers.Status.class)))
    @APIResponse(responseCode = "400", description = "screeningId is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The clinic has no screening with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewAnswers.Status status(@PathParam("screeningId") String screeningId, @Context HttpHeaders headers) {
        Messages messages = Messages.forRequest(headers);
        UUID id = ScreeningIds.parse(screeningId);
        String clinicId = Caller.clinicOf(identity);
        ScreeningFacts facts = index.screening(clinicId, id)
                .orElseThrow(() -> ReviewService.unknownScreening(id, messages));
        ClinicReviews clinic = index.clinic(clinicId);
        List<Review> recorded = clinic.reviews(id);
        Review latest = recorded.isEmpty() ? null : recorded.get(recorded.size() - 1);
        StatusRule.Judged judged = StatusRule.judge(facts, latest, reviews.today());
        return new ReviewAnswers.Status(id, facts.outcome(), judged.status(), judged.validUntil(), recorded);
    }
}
