package org.microneedling.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One clinic's view of its screenings and reviews, for look-ups that need no scan of the store: the referrals in
 * queue order with the queue each belongs to ({@link ReferralQueue}), every review, each patient's latest
 * screening, and the facts of waiting referrals up to {@code cachedReferrals} (the head of the queue, which is
 * what a provider opens). Everything else a look-up needs is read from the store by id. Records may arrive in any
 * order and more than once (a start-up scan and this instance's own commits overlap, a poll reads a settling window
 * again); each is taken in once, and a review that arrives before its screening waits for it. Writers hold the
 * lock; readers read the concurrent maps and the queue as they stand.
 */
final class ClinicReviews {

    private final int cachedReferrals;
    private final ReferralQueue referrals = new ReferralQueue();
    private final Map<UUID, ScreeningFacts> waitingFacts = new ConcurrentHashMap<>();
    private final Map<UUID, List<Review>> reviews = new ConcurrentHashMap<>();
    private final Set<UUID> reviewIds = ConcurrentHashMap.newKeySet();
    private final Map<String, ScreeningFacts> latestByPatient = new ConcurrentHashMap<>();

    ClinicReviews(int cachedReferrals) {
        this.cachedReferrals = cachedReferrals;
    }

    synchronized void addScreening(ScreeningFacts screening) {
        if (screening.patientReference() != null) {
            ScreeningFacts compact = screening.withoutReasons();
            latestByPatient.merge(screening.patientReference(), compact,
                    (known, added) -> added.key().compareTo(known.key()) > 0 ? added : known);
        }
        if (screening.referred()) {
            QueueFilter filter = QueueFilter.of(latestDecision(screening.screeningId()));
            if (referrals.add(screening.key(), filter) && filter == QueueFilter.PENDING
                    && waitingFacts.size() < cachedReferrals) {
                waitingFacts.put(screening.screeningId(), screening);
            }
        }
    }

    /** @param screening the key of the reviewed screening, null when it is not known yet */
    synchronized void addReview(Review review, QueueKey screening) {
        if (!reviewIds.add(review.reviewId())) {
            return;
        }
        List<Review> updated = new ArrayList<>(reviews.getOrDefault(review.screeningId(), List.of()));
        updated.add(review);
        updated.sort(Review.RECORDED_ORDER);
        reviews.put(review.screeningId(), List.copyOf(updated));
        QueueFilter filter = QueueFilter.of(latestDecision(review.screeningId()));
        if (screening != null) {
            referrals.move(screening, filter);
        }
        if (filter != QueueFilter.PENDING) {
            waitingFacts.remove(review.screeningId());
        }
    }

    /** Whether the review is known: a record read again need not be parsed again. */
    boolean knowsReview(UUID reviewId) {
        return reviewIds.contains(reviewId);
    }

    /** The facts of a waiting referral, when they are among those kept; otherwise the store has them. */
    Optional<ScreeningFacts> cached(UUID screeningId) {
        return Optional.ofNullable(waitingFacts.get(screeningId));
    }

    /** Oldest first. */
    List<Review> reviews(UUID screeningId) {
        return reviews.getOrDefault(screeningId, List.of());
    }

    Review latestReview(UUID screeningId) {
        List<Review> known = reviews(screeningId);
        return known.isEmpty() ? null : known.get(known.size() - 1);
    }

    /** The patient's latest screening, without its reasons. */
    Optional<ScreeningFacts> latestOfPatient(String patientReference) {
        return Optional.ofNullable(latestByPatient.get(patientReference));
    }

    /** Referrals of the filter after {@code after} (null: from the oldest), oldest first. */
    List<QueueKey> queue(QueueFilter filter, QueueKey after, int limit) {
        return referrals.after(filter, after, limit);
    }

    int referrals() {
        return referrals.size();
    }

    int patients() {
        return latestByPatient.size();
    }

    private ReviewDecision latestDecision(UUID screeningId) {
        Review latest = latestReview(screeningId);
        return latest == null ? null : latest.decision();
    }
}
