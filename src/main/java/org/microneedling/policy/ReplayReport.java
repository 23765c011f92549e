package org.microneedling.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.microneedling.screening.rules.Outcome;

/**
 * What a version would have changed: every recorded screening of the clinic in the range decided again under it.
 *
 * @param changed screenings whose outcome differs from the recorded one
 * @param notReplayable recorded requests that this build no longer accepts as valid, so not decided again
 */
@JsonPropertyOrder({ "version", "from", "to", "screenings", "changed", "notReplayable", "transitions", "reasons",
        "examples" })
@Schema(name = "ReplayReport")
public record ReplayReport(int version, LocalDate from, LocalDate to, long screenings, long changed,
        long notReplayable, List<Transition> transitions, List<ReasonChange> reasons, List<Example> examples) {

    /** How many screenings went from one outcome to another; only pairs that occurred. */
    @JsonPropertyOrder({ "from", "to", "count" })
    public record Transition(Outcome from, Outcome to, long count) {
    }

    /** How many screenings gained or lost a reason; only codes that changed. */
    @JsonPropertyOrder({ "code", "added", "removed" })
    public record ReasonChange(String code, long added, long removed) {
    }

    /** A screening whose outcome would change, to look at ({@code GET /api/v1/screenings/{screeningId}}). */
    @JsonPropertyOrder({ "screeningId", "before", "after" })
    @Schema(name = "ReplayExample")
    public record Example(UUID screeningId, Outcome before, Outcome after) {
    }
}
