package org.microneedling.review;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * One clinic's screenings and reviews, in memory, for look-ups that touch no store: every screening by id, each
 * patient's latest screening, and the referrals in time order, one ordered set per queue filter. Records may
 * arrive in any order and more than once (a start-up scan and this instance's own commits overlap, a poll reads a
 * settling window again); each is taken in once, and a review that arrives before its screening waits for it.
 * Writers hold the lock; readers read the concurrent maps and sets as they stand.
 */
final class ClinicReviews {

    private final Map<UUID, ScreeningFacts> screenings = new ConcurrentHashMap<>();
    private final Map<UUID, List<Review>> reviews = new ConcurrentHashMap<>();
    private final Set<UUID> reviewIds = ConcurrentHashMap.newKeySet();
    private final Map<String, ScreeningFacts> latestByPatient = new ConcurrentHashMap<>();
    private final Map<QueueFilter, NavigableSet<QueueKey>> queues = new EnumMap<>(QueueFilter.class);

    ClinicReviews() {
        for (QueueFilter filter : QueueFilter.values()) {
            queues.put(filter, new ConcurrentSkipListSet<>());
        }
    }

    synchronized void addScreening(ScreeningFacts screening) {
        if (screenings.putIfAbsent(screening.screeningId(), screening) != null) {
            return;
        }
        if (screening.patientReference() != null) {
            latestByPatient.merge(screening.patientReference(), screening,
                    (known, added) -> added.key().compareTo(known.key()) > 0 ? added : known);
        }
        if (screening.referred()) {
            queues.get(QueueFilter.ALL).add(screening.key());
            queues.get(QueueFilter.of(latestDecision(screening.screeningId()))).add(screening.key());
        }
    }

    synchronized void addReview(Review review) {
        if (!reviewIds.add(review.reviewId())) {
            return;
        }
        List<Review> known = reviews.getOrDefault(review.screeningId(), List.of());
        QueueFilter before = QueueFilter.of(latestDecision(review.screeningId()));
        List<Review> updated = new ArrayList<>(known);
        updated.add(review);
        updated.sort(Review.RECORDED_ORDER);
        reviews.put(review.screeningId(), List.copyOf(updated));
        ScreeningFacts screening = screenings.get(review.screeningId());
        if (screening != null && screening.referred()) {
            queues.get(before).remove(screening.key());
            queues.get(QueueFilter.of(latestDecision(review.screeningId()))).add(screening.key());
        }
    }

    /** Whether the review is known: a record read again need not be parsed again. */
    boolean knowsReview(UUID reviewId) {
        return reviewIds.contains(reviewId);
    }

    Optional<ScreeningFacts> screening(UUID screeningId) {
        return Optional.ofNullable(screenings.get(screeningId));
    }

    /** Oldest first. */
    List<Review> reviews(UUID screeningId) {
        return reviews.getOrDefault(screeningId, List.of());
    }

    Review latestReview(UUID screeningId) {
        List<Review> known = reviews(screeningId);
        return known.isEmpty() ? null : known.get(known.size() - 1);
    }

    Optional<ScreeningFacts> latestOfPatient(String patientReference) {
        return Optional.ofNullable(latestByPatient.get(patientReference));
    }

    /**
     * Up to {@code limit} referrals of the filter after {@code after} (null: from the oldest), and whether more
     * follow the last of them.
     */
    Page page(QueueFilter filter, QueueKey after, int limit) {
        NavigableSet<QueueKey> queue = queues.get(filter);
        NavigableSet<QueueKey> rest = after == null ? queue : queue.tailSet(after, false);
        List<ScreeningFacts> items = new ArrayList<>(Math.min(limit, 64));
        for (QueueKey key : rest) {
            if (items.size() == limit) {
                return new Page(items, true);
            }
            ScreeningFacts screening = screenings.get(key.screeningId());
            if (screening != null) {
                items.add(screening);
            }
        }
        return new Page(items, false);
    }

    record Page(List<ScreeningFacts> items, boolean more) {
    }

    int screenings() {
        return screenings.size();
    }

    private ReviewDecision latestDecision(UUID screeningId) {
        Review latest = latestReview(screeningId);
        return latest == null ? null : latest.decision();
    }
}
