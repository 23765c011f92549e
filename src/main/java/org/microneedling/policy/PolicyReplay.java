package org.microneedling.policy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.DecisionLog;
import org.microneedling.audit.RecordQuery;
import org.microneedling.screening.ScreeningService;
import org.microneedling.screening.rules.Decision;
import org.microneedling.screening.rules.Finding;
import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Ruleset;

/**
 * Decides a clinic's recorded screenings again under one policy version and compares with what was recorded. It
 * streams the records and keeps only counters and the first examples, so its memory does not grow with the range;
 * it records nothing.
 */
@ApplicationScoped
class PolicyReplay {

    static final int MAX_EXAMPLES = 50;
    private static final Set<String> SCREENINGS = Set.of(AuditEntry.SCREENING);

    private final DecisionLog log;
    private final ScreeningService screening;
    private final ObjectMapper mapper;

    PolicyReplay(DecisionLog log, ScreeningService screening, ObjectMapper mapper) {
        this.log = log;
        this.screening = screening;
        this.mapper = mapper;
    }

    /** Every screening of the clinic evaluated on the days {@code from} to {@code to} (inclusive) in {@code zone}. */
    ReplayReport replay(String clinicId, int version, Ruleset ruleset, LocalDate from, LocalDate to, ZoneId zone) {
        Tally tally = new Tally();
        RecordQuery query = new RecordQuery(SCREENINGS, clinicId, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), 0);
        log.scan(query, entry -> tally.add(entry, ruleset));
        return tally.report(version, from, to);
    }

    private final class Tally {
        private long screenings;
        private long changed;
        private long notReplayable;
        private final Map<String, Long> transitions = new TreeMap<>();
        private final Map<String, long[]> reasons = new TreeMap<>();
        private final List<ReplayReport.Example> examples = new ArrayList<>();

        void add(AuditEntry entry, Ruleset ruleset) {
            screenings++;
            Recorded recorded = recorded(entry.result());
            Optional<Decision> again = recorded == null ? Optional.empty()
                    : screening.redecide(entry.request(), entry.asOf(), ruleset);
            if (again.isEmpty()) {
                notReplayable++;
                return;
            }
            Decision decision = again.get();
            Set<String> now = new HashSet<>();
            for (Finding finding : decision.reasons()) {
                now.add(finding.code());
            }
            for (String code : now) {
                if (!recorded.codes().contains(code)) {
                    reasons.computeIfAbsent(code, c -> new long[2])[0]++;
                }
            }
            for (String code : recorded.codes()) {
                if (!now.contains(code)) {
                    reasons.computeIfAbsent(code, c -> new long[2])[1]++;
                }
            }
            if (decision.outcome() != recorded.outcome()) {
                changed++;
                transitions.merge(recorded.outcome() + " " + decision.outcome(), 1L, Long::sum);
                if (examples.size() < MAX_EXAMPLES) {
                    examples.add(new ReplayReport.Example(entry.screeningId(), recorded.outcome(), decision.outcome()));
                }
            }
        }

        ReplayReport report(int version, LocalDate from, LocalDate to) {
            List<ReplayReport.Transition> moved = new ArrayList<>();
            transitions.forEach((pair, count) -> {
                String[] outcomes = pair.split(" ");
                moved.add(new ReplayReport.Transition(Outcome.valueOf(outcomes[0]), Outcome.valueOf(outcomes[1]),
                        count));
            });
            List<ReplayReport.ReasonChange> changes = new ArrayList<>();
            reasons.forEach((code, counts) -> changes.add(new ReplayReport.ReasonChange(code, counts[0], counts[1])));
            return new ReplayReport(version, from, to, screenings, changed, notReplayable, moved, changes,
                    List.copyOf(examples));
        }
    }

    /** The outcome and reason codes a screening was answered with. */
    private record Recorded(Outcome outcome, Set<String> codes) {
    }

    private Recorded recorded(String result) {
        try {
            JsonNode node = mapper.readTree(result);
            Set<String> codes = new HashSet<>();
            for (JsonNode reason : node.path("reasons")) {
                codes.add(reason.path("code").asText());
            }
            return new Recorded(Outcome.valueOf(node.path("outcome").asText()), codes);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }
}
