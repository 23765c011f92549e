package org.microneedling.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.microneedling.screening.rules.Outcome;

class StatusRuleTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);

    private static ScreeningFacts screening(Outcome outcome, LocalDate validUntil) {
        return new ScreeningFacts(UUID.randomUUID(), outcome, null, null, AS_OF, validUntil,
                Instant.parse("2026-11-25T09:00:00Z"), List.of());
    }

    private static Review review(ScreeningFacts screening, ReviewDecision decision, LocalDate validUntil) {
        return new Review(UUID.randomUUID(), screening.screeningId(), decision, "why", List.of(), validUntil,
                new Review.Reviewer("dr-a", "Dr A"), Instant.parse("2026-11-26T09:00:00Z"));
    }

    @ParameterizedTest(name = "{0} (valid until {1}), latest review {2} until {3}, on {4}: {5}")
    @CsvSource(nullValues = "-", value = {
            "ELIGIBLE,          2026-12-25, -,                       -,          2026-12-25, ELIGIBLE,                2026-12-25",
            "ELIGIBLE,          2026-12-25, -,                       -,          2026-12-26, EXPIRED,                 2026-12-25",
            "INELIGIBLE,        -,          -,                       -,          2026-12-01, INELIGIBLE,              -",
            "REFER_TO_PROVIDER, -,          -,                       -,          2026-12-01, PENDING_REVIEW,          -",
            "REFER_TO_PROVIDER, -,          MORE_INFORMATION_NEEDED, -,          2026-12-01, MORE_INFORMATION_NEEDED, -",
            "REFER_TO_PROVIDER, -,          DECLINED,                -,          2026-12-01, DECLINED,                -",
            "REFER_TO_PROVIDER, -,          CLEARED,                 2027-06-30, 2027-06-30, CLEARED,                 2027-06-30",
            "REFER_TO_PROVIDER, -,          CLEARED,                 2027-06-30, 2027-07-01, EXPIRED,                 2027-06-30" })
    void theStatusOnADay(Outcome outcome, LocalDate validUntil, ReviewDecision decision, LocalDate clearedUntil,
            LocalDate today, ScreeningStatus expected, LocalDate expectedValidUntil) {
        ScreeningFacts screening = screening(outcome, validUntil);
        Review latest = decision == null ? null : review(screening, decision, clearedUntil);

        StatusRule.Judged judged = StatusRule.judge(screening, latest, today);

        assertThat(judged.status()).isEqualTo(expected);
        assertThat(judged.validUntil()).isEqualTo(expectedValidUntil);
        assertThat(judged.status().bookable()).isEqualTo(expected == ScreeningStatus.ELIGIBLE
                || expected == ScreeningStatus.CLEARED);
    }
}
