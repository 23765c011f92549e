package org.microneedling.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microneedling.common.Messages;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;
import org.microneedling.common.Violation;
import org.microneedling.security.Caller;
import org.microneedling.security.Roles;

/** The providers' review queue and the booking tools' clearance look-up (contract section 4). */
@Path("/api/v1")
@Tag(name = "Reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewQueueResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int MAX_PATIENT_REFERENCE = 64;

    private final ReviewIndex index;
    private final ReviewService reviews;
    private final SecurityIdentity identity;
    private final QueueCursor cursors;

    ReviewQueueResource(ReviewIndex index, ReviewService reviews, SecurityIdentity identity, QueueCursor cursors) {
        this.index = index;
        this.reviews = reviews;
        this.identity = identity;
        this.cursors = cursors;
    }

    @GET
    @Path("/reviews")
    @RolesAllowed({ Roles.PROVIDER, Roles.MEDICAL_DIRECTOR })
    @Operation(summary = "The review queue",
            description = "Referred screenings of the caller's clinic, oldest first. status: PENDING (default: not "
                    + "reviewed yet, or more information needed), CLEARED, DECLINED or ALL; limit 1 to 200 (default "
                    + "50); cursor: the nextCursor of the previous page.")
    @APIResponse(responseCode = "200", description = "One page of the queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReviewAnswers.QueuePage.class)))
    @APIResponse(responseCode = "400", description = "status, limit or cursor not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewAnswers.QueuePage queue(@QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        Messages messages = Messages.forRequest(headers);
        String clinicId = Caller.clinicOf(identity);
        List<Violation> violations = new ArrayList<>();
        QueueFilter filter = filter(status, messages, violations);
        int size = limit(limit, messages, violations);
        QueueKey after = null;
        // An empty cursor is no cursor: a client may pass on the null nextCursor of a last page as it is.
        if (cursor != null && !cursor.isEmpty()) {
            Optional<QueueCursor.Position> position = cursors.decode(clinicId, cursor);
            if (position.isEmpty() || (filter != null && position.get().filter() != filter)) {
                violations.add(new Violation("cursor", messages.get("violation.cursor")));
            } else {
                after = position.get().after();
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(messages.get("problem.parameters"), violations);
        }
        ReviewIndex.Page page = index.page(clinicId, filter, after, size);
        ClinicReviews clinic = index.clinic(clinicId);
        LocalDate today = reviews.today();
        List<ReviewAnswers.QueueItem> items = page.items().stream().map(screening -> new ReviewAnswers.QueueItem(
                screening.screeningId(), screening.externalReference(), screening.patientReference(),
                screening.asOf(), screening.evaluatedAt(),
                StatusRule.judge(screening, clinic.latestReview(screening.screeningId()), today).status(),
                screening.reasons())).toList();
        String next = page.more() && !items.isEmpty()
                ? cursors.encode(clinicId, new QueueCursor.Position(filter, page.items().get(items.size() - 1).key()))
                : null;
        return new ReviewAnswers.QueuePage(items, next);
    }

    @GET
    @Path("/clearances")
    @RolesAllowed({ Roles.SCREENING, Roles.AUDIT, Roles.ADMIN, Roles.PROVIDER, Roles.MEDICAL_DIRECTOR })
    @Operation(summary = "May this patient be booked today?",
            description = "The status of the clinic's latest screening of the patient: the patient may be booked "
                    + "exactly when status is ELIGIBLE or CLEARED.")
    @APIResponse(responseCode = "200", description = "The patient's latest status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReviewAnswers.Clearance.class)))
    @APIResponse(responseCode = "400", description = "patientReference missing or longer than 64 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The clinic has no screening of this patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewAnswers.Clearance clearance(@QueryParam("patientReference") String patientReference,
            @Context HttpHeaders headers) {
        Messages messages = Messages.forRequest(headers);
        if (patientReference == null || patientReference.isEmpty()) {
            throw ProblemException.invalid(messages.get("problem.parameters"),
                    List.of(new Violation("patientReference", messages.get("violation.required"))));
        }
        if (patientReference.length() > MAX_PATIENT_REFERENCE) {
            throw ProblemException.invalid(messages.get("problem.parameters"), List.of(new Violation(
                    "patientReference", messages.get("violation.maxLength", String.valueOf(MAX_PATIENT_REFERENCE)))));
        }
        ClinicReviews clinic = index.clinic(Caller.clinicOf(identity));
        ScreeningFacts latest = clinic.latestOfPatient(patientReference).orElseThrow(() ->
                ProblemException.of(ProblemType.NOT_FOUND, messages.get("problem.noScreeningOfPatient")));
        StatusRule.Judged judged = StatusRule.judge(latest, clinic.latestReview(latest.screeningId()),
                reviews.today());
        return new ReviewAnswers.Clearance(patientReference, judged.status(), judged.validUntil(),
                latest.screeningId(), latest.evaluatedAt());
    }

    private static QueueFilter filter(String status, Messages messages, List<Violation> violations) {
        if (status == null) {
            return QueueFilter.PENDING;
        }
        for (QueueFilter filter : QueueFilter.values()) {
            if (filter.name().equals(status)) {
                return filter;
            }
        }
        violations.add(new Violation("status", messages.get("violation.oneOf",
                String.join(", ", Arrays.stream(QueueFilter.values()).map(Enum::name).toList()))));
        return null;
    }

    private static int limit(String limit, Messages messages, List<Violation> violations) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (!limit.matches("[0-9]{1,4}")) {
            violations.add(new Violation("limit", messages.get("violation.wholeNumber")));
            return DEFAULT_LIMIT;
        }
        int value = Integer.parseInt(limit);
        if (value < 1) {
            violations.add(new Violation("limit", messages.get("violation.atLeast", "1")));
        } else if (value > MAX_LIMIT) {
            violations.add(new Violation("limit", messages.get("violation.atMost", String.valueOf(MAX_LIMIT))));
        }
        return value;
    }
}
