package org.microneedling.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.journal.JournalAuditStore;
import org.microneedling.screening.PolicyInForce;
import org.microneedling.screening.rules.Ruleset;

/** What the CDS Hooks adapter may ask: a clearance that holds today, and whether the clinic has a screening. */
class ScreeningLookupTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private JournalAuditStore store;
    private ReviewFixtures.StoreLog log;
    private ReviewIndex index;

    @BeforeEach
    void open() {
        store = JournalAuditStore.open(AuditSettings.forJournal(dir.resolve("journal")));
        log = new ReviewFixtures.StoreLog(store);
        index = ReviewFixtures.index(log);
    }

    @AfterEach
    void close() {
        index.stop();
        store.close();
    }

    private AuditEntry screening(String clinic, String outcome, String patient, Instant evaluatedAt) {
        AuditEntry entry = ReviewFixtures.screening(clinic, outcome, patient, TODAY, evaluatedAt);
        log.append(List.of(entry));
        return entry;
    }

    private void review(AuditEntry screening, ReviewRequest request) {
        ReviewFixtures.service(index, log).review(ReviewFixtures.PROVIDER, screening.screeningId(), request, "{}",
                ReviewFixtures.ENGLISH).toCompletableFuture().join();
    }

    private ScreeningLookup lookup(Clock clock) {
        return new ScreeningLookup(index, new ReviewService(index, log,
                clinicId -> PolicyInForce.of(clinicId, 0, Ruleset.defaults()), new ReviewFixtures.ZoneConfig(), clock));
    }

    private ScreeningLookup lookup() {
        return lookup(Clock.systemUTC());
    }

    @Test
    void aClearedLatestScreeningIsAValidClearanceUntilTheDayTheProviderSet() {
        AuditEntry referral = screening("lakeside", "REFER_TO_PROVIDER", "pt-1", Instant.now().minusSeconds(60));
        review(referral, new ReviewRequest(ReviewDecision.CLEARED, "Cover arranged", null, TODAY.plusDays(40)));

        assertThat(lookup().validClearance("lakeside", "pt-1")).get().satisfies(clearance -> {
            assertThat(clearance.screeningId()).isEqualTo(referral.screeningId());
            assertThat(clearance.validUntil()).isEqualTo(TODAY.plusDays(40));
        });
    }

    @Test
    void aClearanceIsNotValidOnceExpiredDeclinedPendingOrOfAnotherClinic() {
        AuditEntry cleared = screening("lakeside", "REFER_TO_PROVIDER", "pt-2", Instant.now().minusSeconds(60));
        review(cleared, new ReviewRequest(ReviewDecision.CLEARED, "ok", null, TODAY.plusDays(10)));
        AuditEntry declined = screening("lakeside", "REFER_TO_PROVIDER", "pt-3", Instant.now().minusSeconds(60));
        review(declined, new ReviewRequest(ReviewDecision.DECLINED, "Outbreaks monthly", null, null));
        screening("lakeside", "REFER_TO_PROVIDER", "pt-4", Instant.now().minusSeconds(60));
        screening("lakeside", "ELIGIBLE", "pt-5", Instant.now().minusSeconds(60));

        Clock elevenDaysOn = Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(11));
        assertThat(lookup().validClearance("lakeside", "pt-2")).isPresent();
        assertThat(lookup(elevenDaysOn).validClearance("lakeside", "pt-2")).as("expired").isEmpty();
        assertThat(lookup().validClearance("lakeside", "pt-3")).as("declined").isEmpty();
        assertThat(lookup().validClearance("lakeside", "pt-4")).as("pending").isEmpty();
        assertThat(lookup().validClearance("lakeside", "pt-5")).as("eligible is not a clearance").isEmpty();
        assertThat(lookup().validClearance("harbor", "pt-2")).as("another clinic").isEmpty();
        assertThat(lookup().validClearance("lakeside", "pt-unknown")).isEmpty();
    }

    @Test
    void aNewerScreeningOfThePatientReplacesTheClearanceAsTheBookingLookUpDoes() {
        AuditEntry cleared = screening("lakeside", "REFER_TO_PROVIDER", "pt-6", Instant.now().minusSeconds(120));
        review(cleared, new ReviewRequest(ReviewDecision.CLEARED, "ok", null, null));
        assertThat(lookup().validClearance("lakeside", "pt-6")).isPresent();

        screening("lakeside", "INELIGIBLE", "pt-6", Instant.now().minusSeconds(60));

        assertThat(lookup().validClearance("lakeside", "pt-6")).isEmpty();
    }

    @Test
    void onlyTheClinicsOwnScreeningsExist() {
        AuditEntry lakeside = screening("lakeside", "ELIGIBLE", null, Instant.now());

        assertThat(lookup().exists("lakeside", lakeside.screeningId())).isTrue();
        assertThat(lookup().exists("harbor", lakeside.screeningId())).isFalse();
        assertThat(lookup().exists("lakeside", UUID.randomUUID())).isFalse();
    }
}
