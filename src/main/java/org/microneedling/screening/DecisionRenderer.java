package org.microneedling.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.microneedling.common.Messages;
import org.microneedling.screening.rules.AdvisoryFinding;
import org.microneedling.screening.rules.CodeMatch;
import org.microneedling.screening.rules.Decision;
import org.microneedling.screening.rules.Evidence;
import org.microneedling.screening.rules.Finding;
import org.microneedling.screening.rules.MedicationMatch;
import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Rule;
import org.microneedling.screening.rules.Ruleset;

/** Turns the rules' decision into the contract's result, with messages in the chosen language. */
@ApplicationScoped
class DecisionRenderer {

    private final Map<String, String> sources;

    // A rule's source is the same under every clinic's policy: only thresholds and outcomes differ.
    DecisionRenderer(Ruleset ruleset) {
        this.sources = ruleset.rules().stream().collect(Collectors.toMap(Rule::code, Rule::source));
    }

    ScreeningResult render(Decision decision, PolicyInForce policy, LocalDate asOf, ScreeningRequest request,
            Messages messages, UUID screeningId, Instant evaluatedAt, ScreeningResult.StaffMember screenedBy) {
        List<ScreeningResult.Reason> reasons = decision.reasons().stream()
                .map(finding -> reason(finding, messages))
                .toList();
        List<ScreeningResult.AdvisoryNotice> advisories = decision.advisories().stream()
                .map(advisory -> advisory(advisory, messages))
                .toList();
        LocalDate validUntil = decision.outcome() == Outcome.ELIGIBLE
                ? asOf.plusDays(policy.ruleset().policy().screeningValidityDays())
                : null;
        return new ScreeningResult(screeningId, decision.outcome(), reasons, advisories, decision.notAssessed(),
                request.externalReference(), request.patientReference(), asOf, validUntil, policy.identity(),
                evaluatedAt, screenedBy);
    }

    private ScreeningResult.Reason reason(Finding finding, Messages messages) {
        String message = messages.get("reason." + finding.code() + finding.variant().suffix(),
                finding.messageArguments().toArray());
        return new ScreeningResult.Reason(finding.code(), finding.outcome(), message,
                evidence(finding.evidence(), messages), sources.get(finding.code()), finding.reassessAfter());
    }

    private ScreeningResult.AdvisoryNotice advisory(AdvisoryFinding advisory, Messages messages) {
        String message = messages.get("advisory." + advisory.code(), advisory.messageArguments().toArray());
        return new ScreeningResult.AdvisoryNotice(advisory.code(), message, evidence(advisory.evidence(), messages));
    }

    private static List<String> evidence(List<Evidence> evidence, Messages messages) {
        return evidence.stream().map(item -> {
            MedicationMatch match = item.medication();
            CodeMatch code = item.code();
            if (code != null && match != null) {
                return messages.get("evidence.medicationCode", item.path(), code.display(),
                        match.entry().ingredient(), messages.get("medicationClass." + match.entry().medicationClass()));
            }
            if (code != null) {
                return messages.get("evidence.conditionCode", item.path(), code.display(), code.concept());
            }
            if (match == null) {
                return messages.get("evidence.answer", item.path(), item.value());
            }
            return messages.get("evidence.medication", item.path(), match.text(), match.entry().ingredient(),
                    messages.get("medicationClass." + match.entry().medicationClass()));
        }).toList();
    }
}
