package org.microneedling.screening.rules;

import java.util.List;

/**
 * The combined result of every rule: the most severe reason wins; INELIGIBLE reasons come first,
 * then REFER_TO_PROVIDER, each in catalogue order.
 *
 * @param notAssessed reason codes whose optional answers were not given, in catalogue order
 */
public record Decision(Outcome outcome, List<Finding> reasons, List<AdvisoryFinding> advisories,
        List<String> notAssessed) {

    public Decision {
        reasons = List.copyOf(reasons);
        advisories = List.copyOf(advisories);
        notAssessed = List.copyOf(notAssessed);
    }
}
