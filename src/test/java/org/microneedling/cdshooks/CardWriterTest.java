package org.microneedling.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.microneedling.common.Messages;
import org.microneedling.review.ScreeningLookup;
import org.microneedling.screening.ScreeningResult;
import org.microneedling.screening.rules.Outcome;

/** The card additions: override reasons on a card with a referral reason, and the clearance's info card. */
class CardWriterTest {

    private static final String SYSTEM = "https://clinic.example.org/CodeSystem/override-reason";
    private static final CardWriter WRITER = new CardWriter(SYSTEM);
    private static final CardWriter.Links LINKS = new CardWriter.Links("https://s.example.org/api/v1/rules",
            "https://s.example.org/");
    private static final Messages ENGLISH = Messages.of(Messages.DEFAULT_LOCALE);
    private static final Messages SPANISH = Messages.of(Messages.SPANISH);
    private static final ScreeningResult.Reason COLD_SORES = new ScreeningResult.Reason("COLD_SORE_HISTORY",
            Outcome.REFER_TO_PROVIDER, "Gets cold sores.", List.of(), "s", null);
    private static final ScreeningResult.Reason PSORIASIS = new ScreeningResult.Reason("PSORIASIS",
            Outcome.INELIGIBLE, "Psoriasis.", List.of(), "s", null);
    private static final ScreeningLookup.Clearance CLEARANCE = new ScreeningLookup.Clearance(
            UUID.fromString("0193a1b2-0000-7000-8000-000000000001"), LocalDate.of(2027, 6, 30),
            Instant.parse("2026-11-25T09:00:00Z"), Instant.parse("2026-11-26T10:15:30.123Z"));

    private static ScreeningResult result(Outcome outcome, ScreeningResult.Reason... reasons) {
        return new ScreeningResult(UUID.randomUUID(), outcome, List.of(reasons), List.of(), List.of(), "visit-1", null,
                LocalDate.of(2026, 12, 1), null, new ScreeningResult.RulesetIdentity("microneedling", "1.0.0",
                        "sha256:x", new ScreeningResult.PolicyRef("default", 0)), Instant.now(), null);
    }

    private static List<JsonNode> cards(ObjectNode response) {
        List<JsonNode> cards = new ArrayList<>();
        response.get("cards").forEach(cards::add);
        return cards;
    }

    @Test
    void aReferralCardOffersEveryOverrideReasonAsACodingOfTheConfiguredSystemWithADisplay() {
        JsonNode card = cards(WRITER.cards(result(Outcome.REFER_TO_PROVIDER, COLD_SORES), List.of(), null, LINKS,
                ENGLISH)).get(0);

        JsonNode reasons = card.get("overrideReasons");
        assertThat(reasons).hasSize(OverrideReason.values().length);
        for (int i = 0; i < reasons.size(); i++) {
            JsonNode coding = reasons.get(i);
            assertThat(coding.get("system").asText()).isEqualTo(SYSTEM);
            assertThat(coding.get("code").asText()).isEqualTo(OverrideReason.values()[i].code());
            assertThat(coding.get("display").asText()).isNotBlank().isNotEqualTo(coding.get("code").asText());
            assertThat(coding.size()).isEqualTo(3);
        }
        assertThat(reasons.findValuesAsText("code")).contains("provider-cleared", "record-outdated");
    }

    @Test
    void anIneligibleCardWithAReferralReasonAlsoOffersThem() {
        JsonNode card = cards(WRITER.cards(result(Outcome.INELIGIBLE, PSORIASIS, COLD_SORES), List.of(), null, LINKS,
                ENGLISH)).get(0);

        assertThat(card.get("indicator").asText()).isEqualTo("critical");
        assertThat(card.has("overrideReasons")).isTrue();
    }

    @Test
    void cardsWithoutAReferralReasonOfferNone() {
        assertThat(cards(WRITER.cards(result(Outcome.ELIGIBLE), List.of(), null, LINKS, ENGLISH)).get(0)
                .has("overrideReasons")).isFalse();
        assertThat(cards(WRITER.cards(result(Outcome.INELIGIBLE, PSORIASIS), List.of(), null, LINKS, ENGLISH)).get(0)
                .has("overrideReasons")).isFalse();
        assertThat(cards(WRITER.birthDateMissing(null, LINKS, ENGLISH)).get(0).has("overrideReasons")).isFalse();
    }

    @Test
    void overrideReasonDisplaysFollowTheLanguage() {
        JsonNode english = cards(WRITER.cards(result(Outcome.REFER_TO_PROVIDER, COLD_SORES), List.of(), null, LINKS,
                ENGLISH)).get(0).get("overrideReasons").get(0);
        JsonNode spanish = cards(WRITER.cards(result(Outcome.REFER_TO_PROVIDER, COLD_SORES), List.of(), null, LINKS,
                SPANISH)).get(0).get("overrideReasons").get(0);

        assertThat(spanish.get("code")).isEqualTo(english.get("code"));
        assertThat(spanish.get("display")).isNotEqualTo(english.get("display"));
    }

    @Test
    void aValidClearanceIsASecondInfoCardWithItsValidUntilAndTheClearedScreening() {
        ScreeningResult referral = result(Outcome.REFER_TO_PROVIDER, COLD_SORES);
        List<JsonNode> cards = cards(WRITER.cards(referral, List.of(), CLEARANCE, LINKS, ENGLISH));

        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).get("uuid").asText()).isEqualTo(referral.screeningId().toString());
        JsonNode cleared = cards.get(1);
        assertThat(cleared.get("indicator").asText()).isEqualTo("info");
        assertThat(cleared.get("summary").asText()).contains("2027-06-30").hasSizeLessThan(140);
        assertThat(cleared.get("detail").asText()).contains("2027-06-30", CLEARANCE.screeningId().toString(),
                "2026-11-26T10:15:30Z");
        assertThat(cleared.get("source").get("url").asText()).isEqualTo(LINKS.sourceUrl());
        assertThat(cleared.has("uuid")).as("nothing to accept or override").isFalse();
        assertThat(cleared.has("overrideReasons")).isFalse();
        assertThat(cleared.has("links")).isFalse();
    }

    @Test
    void aClearanceCardFollowsTheBirthDateCardToo() {
        List<JsonNode> cards = cards(WRITER.birthDateMissing(CLEARANCE, LINKS, SPANISH));

        assertThat(cards).hasSize(2);
        assertThat(cards.get(1).get("summary").asText()).contains("2027-06-30").contains("autorizada");
    }

    @Test
    void withoutAClearanceThereIsOneCard() {
        assertThat(cards(WRITER.cards(result(Outcome.ELIGIBLE), List.of(), null, LINKS, ENGLISH))).hasSize(1);
    }

    @Test
    void linksComeFromConfigurationOnlyAndAreLeftOutWithoutIt() {
        CardWriter.Links none = CardWriter.Links.configured(Optional.empty(), Optional.empty(), Optional.empty());
        JsonNode bare = cards(WRITER.cards(result(Outcome.ELIGIBLE), List.of(), null, none, ENGLISH)).get(0);

        assertThat(bare.has("links")).isFalse();
        assertThat(bare.get("source").has("url")).isFalse();
        assertThat(bare.get("source").get("label").asText()).isNotBlank();

        CardWriter.Links fromBase = CardWriter.Links.configured(Optional.empty(), Optional.empty(),
                Optional.of(URI.create("https://screening.clinic.example/")));
        assertThat(fromBase).isEqualTo(new CardWriter.Links("https://screening.clinic.example/api/v1/rules",
                "https://screening.clinic.example/"));
        assertThat(CardWriter.Links.configured(Optional.of("https://s.example/rules"), Optional.of("https://f.example/"),
                Optional.of(URI.create("https://screening.clinic.example")))).isEqualTo(
                        new CardWriter.Links("https://s.example/rules", "https://f.example/"));
    }
}
