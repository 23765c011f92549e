package org.microneedling.cdshooks;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.microneedling.common.Messages;
import org.microneedling.review.ScreeningLookup;
import org.microneedling.screening.ScreeningResult;
import org.microneedling.screening.rules.Outcome;

/**
 * Writes a screening result as one CDS Hooks card: the outcome as its indicator, every reason in its detail, and for
 * a referral the reasons a user may give for setting it aside. A patient's valid clearance is a second, info card.
 */
@ApplicationScoped
class CardWriter {

    /** CDS Hooks: a summary SHOULD be under 140 characters. */
    static final int MAX_SUMMARY = 139;
    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|~])");
    /** Line breaks of every kind, and other control characters: record text must stay on its one line. */
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");
    /** What a Markdown renderer turns into a link by itself (GFM autolinks), even without brackets. */
    private static final Pattern BARE_LINK = Pattern.compile("(?i)(://|www\\.|@)");
    /** Invisible, and enough to keep a renderer from seeing a link. */
    private static final String WORD_JOINER = "\u2060";

    private final String overrideReasonSystem;

    @Inject
    CardWriter(CdsHooksConfig config) {
        this(config.overrideReasonSystem());
    }

    CardWriter(String overrideReasonSystem) {
        this.overrideReasonSystem = overrideReasonSystem;
    }

    /** Where a card's source and front-desk link point; null where nothing is configured. */
    record Links(String sourceUrl, String frontDeskUrl) {

        /**
         * The cds-hooks addresses, else the service's public base URL with the path; never the request's own
         * address, whose host the caller chooses.
         */
        static Links configured(Optional<String> sourceUrl, Optional<String> frontDeskUrl,
                Optional<java.net.URI> publicBaseUrl) {
            Optional<String> base = publicBaseUrl.map(url -> url.toString().replaceAll("/+$", ""));
            return new Links(sourceUrl.or(() -> base.map(b -> b + "/api/v1/rules")).orElse(null),
                    frontDeskUrl.or(() -> base.map(b -> b + "/")).orElse(null));
        }
    }

    /**
     * The screening's card, then, when the patient has a clearance that holds today, the clearance's info card.
     *
     * @param clearance the patient's valid clearance, or null
     */
    ObjectNode cards(ScreeningResult result, List<String> unknownFromRecord, ScreeningLookup.Clearance clearance,
            Links links, Messages messages) {
        ObjectNode card = baseCard(links, messages);
        card.put("uuid", result.screeningId().toString());
        card.put("summary", summary(result, messages));
        card.put("indicator", indicator(result.outcome()));
        card.put("detail", detail(result, unknownFromRecord, messages));
        if (result.reasons().stream().anyMatch(reason -> reason.outcome() == Outcome.REFER_TO_PROVIDER)) {
            card.set("overrideReasons", overrideReasons(messages));
        }
        return withClearance(wrap(card), clearance, links, messages);
    }

    private static ObjectNode withClearance(ObjectNode response, ScreeningLookup.Clearance clearance, Links links,
            Messages messages) {
        if (clearance != null) {
            ((ArrayNode) response.get("cards")).add(clearanceCard(clearance, links, messages));
        }
        return response;
    }

    /** CDS Hooks 2.0 Codings; a card that offers override reasons must give each a display. */
    ArrayNode overrideReasons(Messages messages) {
        ArrayNode reasons = JsonNodeFactory.instance.arrayNode();
        for (OverrideReason reason : OverrideReason.values()) {
            reasons.addObject().put("system", overrideReasonSystem).put("code", reason.code())
                    .put("display", messages.get(reason.messageKey()));
        }
        return reasons;
    }

    /**
     * No uuid: the card reports a provider's earlier decision and asks nothing of the user, so there is nothing to
     * accept or override; feedback belongs to the screening's card.
     */
    static ObjectNode clearanceCard(ScreeningLookup.Clearance clearance, Links links, Messages messages) {
        ObjectNode card = JsonNodeFactory.instance.objectNode();
        source(card, links, messages);
        card.put("summary", messages.get("cds.summary.cleared", clearance.validUntil().toString()));
        card.put("indicator", "info");
        card.put("detail", messages.get("cds.detail.cleared", clearance.validUntil().toString(),
                clearance.screeningId().toString(),
                clearance.reviewedAt().truncatedTo(ChronoUnit.SECONDS).toString()));
        return card;
    }

    /** The card for a record that has no birth date to screen with, and the clearance card as for a screening. */
    ObjectNode birthDateMissing(ScreeningLookup.Clearance clearance, Links links, Messages messages) {
        ObjectNode card = baseCard(links, messages);
        card.put("summary", messages.get("cds.summary.noBirthDate"));
        card.put("indicator", "warning");
        card.put("detail", messages.get("cds.detail.noBirthDate"));
        return withClearance(wrap(card), clearance, links, messages);
    }

    private static ObjectNode baseCard(Links links, Messages messages) {
        ObjectNode card = JsonNodeFactory.instance.objectNode();
        source(card, links, messages);
        if (links.frontDeskUrl() != null) {
            ObjectNode link = JsonNodeFactory.instance.objectNode();
            link.put("label", messages.get("cds.link.frontDesk"));
            link.put("url", links.frontDeskUrl());
            link.put("type", "absolute");
            card.putArray("links").add(link);
        }
        return card;
    }

    /** The source's url only when configured: an address built from the request would be the caller's Host. */
    private static void source(ObjectNode card, Links links, Messages messages) {
        ObjectNode source = card.putObject("source").put("label", messages.get("cds.source"));
        if (links.sourceUrl() != null) {
            source.put("url", links.sourceUrl());
        }
    }

    private static ObjectNode wrap(ObjectNode card) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putArray("cards").add(card);
        return response;
    }

    static String indicator(Outcome outcome) {
        return switch (outcome) {
            case INELIGIBLE -> "critical";
            case REFER_TO_PROVIDER -> "warning";
            case ELIGIBLE -> "info";
        };
    }

    /** The outcome and as many reason codes as fit, then how many more there are. */
    static String summary(ScreeningResult result, Messages messages) {
        String base = messages.get("cds.summary." + result.outcome());
        List<String> codes = result.reasons().stream().map(ScreeningResult.Reason::code).toList();
        if (codes.isEmpty()) {
            return base;
        }
        StringBuilder summary = new StringBuilder(base).append(": ");
        for (int i = 0; i < codes.size(); i++) {
            String more = " " + messages.get("cds.summary.more", String.valueOf(codes.size() - i));
            String next = (i == 0 ? "" : ", ") + codes.get(i);
            boolean last = i == codes.size() - 1;
            if (summary.length() + next.length() + (last ? 0 : more.length()) > MAX_SUMMARY) {
                return summary.append(more).toString();
            }
            summary.append(next);
        }
        return summary.toString();
    }

    private static String detail(ScreeningResult result, List<String> unknownFromRecord, Messages messages) {
        StringBuilder detail = new StringBuilder();
        detail.append("**").append(messages.get("cds.outcome." + result.outcome())).append("** ")
                .append(messages.get("cds.detail.identity", result.ruleset().name(), result.ruleset().version(),
                        String.valueOf(result.asOf()), result.screeningId().toString()))
                .append("\n\n");
        if (!result.reasons().isEmpty()) {
            detail.append(messages.get("cds.detail.reasons")).append("\n\n");
            for (ScreeningResult.Reason reason : result.reasons()) {
                detail.append("- `").append(reason.code()).append("` (").append(reason.outcome()).append("): ")
                        .append(escape(reason.message()));
                if (!reason.evidence().isEmpty()) {
                    detail.append(' ').append(messages.get("cds.detail.evidence")).append(' ')
                            .append(escape(String.join("; ", reason.evidence())));
                }
                if (reason.reassessAfter() != null) {
                    detail.append(' ').append(messages.get("cds.detail.reassess", reason.reassessAfter().toString()));
                }
                detail.append('\n');
            }
            detail.append('\n');
        }
        if (!result.advisories().isEmpty()) {
            detail.append(messages.get("cds.detail.advisories")).append("\n\n");
            for (ScreeningResult.AdvisoryNotice advisory : result.advisories()) {
                detail.append("- `").append(advisory.code()).append("`: ").append(escape(advisory.message()))
                        .append('\n');
            }
            detail.append('\n');
        }
        if (!unknownFromRecord.isEmpty()) {
            detail.append(messages.get("cds.detail.unknown")).append(' ')
                    .append(String.join(", ", unknownFromRecord.stream().map(path -> "`" + path + "`").toList()))
                    .append("\n\n");
        }
        if (!result.notAssessed().isEmpty()) {
            detail.append(messages.get("cds.detail.notAssessed")).append(' ')
                    .append(String.join(", ", result.notAssessed().stream().map(code -> "`" + code + "`").toList()))
                    .append("\n\n");
        }
        return detail.toString().strip();
    }

    /**
     * Medicine names and evidence come from the record; they must not turn into markup. Line breaks become spaces,
     * so no heading or list item can start; Markdown characters are escaped; a bare address cannot become a link.
     * The card's only links are the configured ones in {@link #baseCard}.
     */
    static String escape(String text) {
        String oneLine = LINE_BREAKS.matcher(text).replaceAll(" ");
        String escaped = MARKDOWN_SPECIAL.matcher(oneLine).replaceAll("\\\\$1");
        return BARE_LINK.matcher(escaped).replaceAll(WORD_JOINER + "$1" + WORD_JOINER);
    }
}
