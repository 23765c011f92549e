package org.microneedling.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.RecordQuery;
import org.microneedling.audit.journal.JournalAuditStore;
import org.microneedling.audit.journal.JournalFiles;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;

/** Reviews on the embedded journal: they survive a restart, a failed commit keeps nothing, tampering shows. */
class JournalReviewsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);

    @TempDir
    Path dir;

    private JournalAuditStore open() {
        return JournalAuditStore.open(AuditSettings.forJournal(dir.resolve("journal")));
    }

    @Test
    void screeningsReviewsAndTheQueueSurviveARestart() {
        AuditEntry referral;
        AuditEntry eligible;
        Review cleared;
        try (JournalAuditStore store = open()) {
            ReviewFixtures.StoreLog log = new ReviewFixtures.StoreLog(store);
            ReviewIndex index = ReviewFixtures.index(log);
            referral = ReviewFixtures.screening("lakeside", "REFER_TO_PROVIDER", "pt-7", AS_OF,
                    Instant.parse("2026-11-25T09:00:00Z"));
            eligible = ReviewFixtures.screening("lakeside", "ELIGIBLE", "pt-8", AS_OF,
                    Instant.parse("2026-11-25T09:00:01Z"));
            log.append(List.of(referral, eligible));
            cleared = ReviewFixtures.service(index, log).review(ReviewFixtures.PROVIDER, referral.screeningId(),
                    ReviewFixtures.cleared("Antiviral cover arranged"), "{}", ReviewFixtures.ENGLISH)
                    .toCompletableFuture().join().review();
            index.stop();
        }
        try (JournalAuditStore store = open()) {
            ReviewIndex restarted = ReviewFixtures.index(new ReviewFixtures.StoreLog(store));
            ClinicReviews lakeside = restarted.clinic("lakeside");

            assertThat(lakeside.reviews(referral.screeningId())).containsExactly(cleared);
            assertThat(restarted.page("lakeside", QueueFilter.CLEARED, null, 50).items()).extracting(ScreeningFacts::screeningId)
                    .containsExactly(referral.screeningId());
            assertThat(restarted.page("lakeside", QueueFilter.PENDING, null, 50).items()).isEmpty();
            assertThat(lakeside.latestOfPatient("pt-8")).get().extracting(ScreeningFacts::validUntil)
                    .isEqualTo(AS_OF.plusDays(30));
            assertThat(restarted.page("harbor", QueueFilter.ALL, null, 50).items()).isEmpty();
            assertThat(store.verify("lakeside").intact()).isTrue();
            assertThat(store.verify("lakeside").records()).isEqualTo(3);
            restarted.stop();
        }
    }

    @Test
    void referralsBeyondTheKeptFactsArePagedReviewedAndJudgedFromTheStore() {
        try (JournalAuditStore store = open()) {
            ReviewFixtures.StoreLog log = new ReviewFixtures.StoreLog(store);
            List<AuditEntry> referrals = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                referrals.add(ReviewFixtures.screening("lakeside", "REFER_TO_PROVIDER", "pt-r" + i, AS_OF,
                        Instant.parse("2026-11-25T09:00:00Z").plusSeconds(i)));
            }
            AuditEntry eligible = ReviewFixtures.screening("lakeside", "ELIGIBLE", null, AS_OF,
                    Instant.parse("2026-11-25T10:00:00Z"));
            log.append(referrals);
            log.append(List.of(eligible));
            ReviewIndex index = new ReviewIndex(log, ReviewFixtures.JSON,
                    ReviewFixtures.config(java.time.Duration.ofMillis(100), 2));
            ReviewFixtures.awaitLoaded(index);
            ClinicReviews lakeside = index.clinic("lakeside");
            assertThat(referrals).filteredOn(r -> lakeside.cached(r.screeningId()).isPresent()).hasSize(2);

            Review cleared = ReviewFixtures.service(index, log).review(ReviewFixtures.PROVIDER,
                    referrals.get(5).screeningId(), ReviewFixtures.cleared("Seen in clinic"), "{}",
                    ReviewFixtures.ENGLISH).toCompletableFuture().join().review();

            ReviewIndex.Page first = index.page("lakeside", QueueFilter.PENDING, null, 4);
            assertThat(first.more()).isTrue();
            ReviewIndex.Page rest = index.page("lakeside", QueueFilter.PENDING, first.items().get(3).key(), 4);
            assertThat(rest.more()).isFalse();
            List<ScreeningFacts> pending = new ArrayList<>(first.items());
            pending.addAll(rest.items());
            assertThat(pending).extracting(ScreeningFacts::screeningId).containsExactly(
                    referrals.get(0).screeningId(), referrals.get(1).screeningId(), referrals.get(2).screeningId(),
                    referrals.get(3).screeningId(), referrals.get(4).screeningId(), referrals.get(6).screeningId());
            assertThat(pending).allSatisfy(facts -> assertThat(facts.reasons()).extracting(ReasonSummary::code)
                    .containsExactly("COLD_SORE_HISTORY"));
            assertThat(pending.get(1).reasons()).as("referrals with the same reasons share one list of them")
                    .isSameAs(pending.get(0).reasons());
            assertThat(lakeside.latestOfPatient("pt-r0")).get()
                    .satisfies(latest -> assertThat(latest.reasons()).as("a patient's latest keeps no reasons").isEmpty())
                    .extracting(ScreeningFacts::screeningId).isEqualTo(referrals.get(0).screeningId());
            assertThat(index.page("lakeside", QueueFilter.CLEARED, null, 50).items())
                    .extracting(ScreeningFacts::screeningId).containsExactly(referrals.get(5).screeningId());
            assertThat(lakeside.reviews(referrals.get(5).screeningId())).containsExactly(cleared);
            assertThat(index.screening("lakeside", eligible.screeningId())).get()
                    .extracting(ScreeningFacts::outcome).hasToString("ELIGIBLE");
            assertThat(index.screening("harbor", eligible.screeningId())).isEmpty();
            index.stop();

            ReviewIndex restarted = new ReviewIndex(log, ReviewFixtures.JSON,
                    ReviewFixtures.config(java.time.Duration.ofMillis(100), 0));
            ReviewFixtures.awaitLoaded(restarted);
            assertThat(restarted.page("lakeside", QueueFilter.CLEARED, null, 50).items())
                    .extracting(ScreeningFacts::screeningId).containsExactly(referrals.get(5).screeningId());
            assertThat(restarted.page("lakeside", QueueFilter.PENDING, null, 50).items()).hasSize(6);
            restarted.stop();
        }
    }

    @Test
    void aReviewThatCannotBeRecordedIsA503AndNothingOfItIsKept() {
        try (JournalAuditStore store = open()) {
            ReviewFixtures.StoreLog working = new ReviewFixtures.StoreLog(store);
            ReviewIndex index = ReviewFixtures.index(working);
            AuditEntry referral = ReviewFixtures.screening("lakeside", "REFER_TO_PROVIDER", "pt-9", AS_OF,
                    Instant.parse("2026-11-25T09:00:00Z"));
            working.append(List.of(referral));
            ReviewFixtures.StoreLog failing = new ReviewFixtures.StoreLog(store) {
                @Override
                public CompletionStage<Void> appendAsync(List<AuditEntry> entries) {
                    return CompletableFuture.failedFuture(new ProblemException(Problem.of(
                            ProblemType.SERVICE_UNAVAILABLE, "The audit store cannot commit")));
                }
            };

            CompletableFuture<ReviewService.Recorded> review = ReviewFixtures.service(index, failing)
                    .review(ReviewFixtures.PROVIDER, referral.screeningId(), ReviewFixtures.cleared("ok"), "{}",
                            ReviewFixtures.ENGLISH).toCompletableFuture();

            assertThatThrownBy(review::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(ProblemException.class,
                            problem -> assertThat(problem.problem().status()).isEqualTo(503));
            assertThat(index.clinic("lakeside").reviews(referral.screeningId())).isEmpty();
            List<AuditEntry> reviews = new ArrayList<>();
            store.scan(RecordQuery.of(java.util.Set.of(ReviewRecords.KIND), null), reviews::add);
            assertThat(reviews).isEmpty();
            index.stop();
        }
    }

    @Test
    void aChangedReviewInTheJournalFailsVerification() throws IOException {
        try (JournalAuditStore store = open()) {
            ReviewFixtures.StoreLog log = new ReviewFixtures.StoreLog(store);
            ReviewIndex index = ReviewFixtures.index(log);
            AuditEntry referral = ReviewFixtures.screening("lakeside", "REFER_TO_PROVIDER", "pt-1", AS_OF,
                    Instant.parse("2026-11-25T09:00:00Z"));
            log.append(List.of(referral));
            Review review = ReviewFixtures.service(index, log).review(ReviewFixtures.PROVIDER,
                    referral.screeningId(), new ReviewRequest(ReviewDecision.DECLINED, "Outbreaks monthly", null, null),
                    "{}", ReviewFixtures.ENGLISH).toCompletableFuture().join().review();
            log.append(List.of(ReviewFixtures.screening("lakeside", "ELIGIBLE", null, AS_OF, Instant.now())));
            assertThat(store.verify("lakeside").intact()).isTrue();
            index.stop();

            JournalFiles.rewriteRecord(store, review.reviewId(), canonical -> new String(canonical,
                    StandardCharsets.ISO_8859_1).replace("\"DECLINED\"", "\"CLEARED!\"")
                    .getBytes(StandardCharsets.ISO_8859_1));

            assertThat(store.verify("lakeside").intact()).isFalse();
            assertThat(store.verify("lakeside").firstBroken().sequence()).isEqualTo(2);
        }
    }

    @Test
    void aReviewOfAScreeningTheClinicDoesNotHaveIsA404AndNothingIsRecorded() {
        try (JournalAuditStore store = open()) {
            ReviewFixtures.StoreLog log = new ReviewFixtures.StoreLog(store);
            ReviewIndex index = ReviewFixtures.index(log);
            AuditEntry harbors = ReviewFixtures.screening("harbor", "REFER_TO_PROVIDER", "pt-2", AS_OF,
                    Instant.parse("2026-11-25T09:00:00Z"));
            log.append(List.of(harbors));

            for (UUID id : List.of(harbors.screeningId(), UUID.randomUUID())) {
                assertThatThrownBy(() -> ReviewFixtures.service(index, log).review(ReviewFixtures.PROVIDER, id,
                        ReviewFixtures.cleared("ok"), "{}", ReviewFixtures.ENGLISH))
                        .isInstanceOfSatisfying(ProblemException.class,
                                problem -> assertThat(problem.problem().status()).isEqualTo(404));
            }
            assertThat(store.verify(null).records()).isEqualTo(1);
            assertThat(Optional.ofNullable(index.clinic("harbor").latestReview(harbors.screeningId()))).isEmpty();
            index.stop();
        }
    }
}
