package org.microneedling.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The compact queue against a sorted map doing the same: order, filters, cursors, moves and repeats. */
class ReferralQueueTest {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    private static final QueueFilter[] STATES = { QueueFilter.PENDING, QueueFilter.CLEARED, QueueFilter.DECLINED };

    @Test
    void keepsTheOrderAndTheFiltersOfASortedMapOverManyBlocks() {
        Random random = new Random(42);
        ReferralQueue queue = new ReferralQueue();
        TreeMap<QueueKey, QueueFilter> expected = new TreeMap<>();
        List<QueueKey> keys = new ArrayList<>();
        for (int i = 0; i < ReferralQueue.BLOCK * 5 + 17; i++) {
            // Mostly in time order, as commits arrive, with some late and some within the same instant.
            long nanos = i * 1_000_000L - (random.nextInt(10) == 0 ? random.nextInt(50) * 1_000_000L : 0);
            QueueKey key = new QueueKey(START.plusNanos(Math.max(0, nanos)),
                    new UUID(random.nextLong(), random.nextLong()));
            keys.add(key);
            QueueFilter state = STATES[random.nextInt(STATES.length)];
            assertThat(queue.add(key, state)).isTrue();
            expected.put(key, state);
        }
        Collections.shuffle(keys, random);
        for (QueueKey key : keys.subList(0, 300)) {
            assertThat(queue.add(key, QueueFilter.PENDING)).as("a repeat is not added").isFalse();
            QueueFilter moved = STATES[random.nextInt(STATES.length)];
            assertThat(queue.move(key, moved)).isTrue();
            expected.put(key, moved);
        }
        assertThat(queue.size()).isEqualTo(expected.size());

        for (QueueFilter filter : QueueFilter.values()) {
            List<QueueKey> wanted = expected.entrySet().stream()
                    .filter(e -> filter == QueueFilter.ALL || e.getValue() == filter).map(Map.Entry::getKey).toList();
            assertThat(pageThrough(queue, filter, 37)).as(filter.name()).isEqualTo(wanted);
        }
    }

    @Test
    void blocksStayFullWhenCommitsArriveAFewPlacesLate() {
        Random random = new Random(7);
        int count = ReferralQueue.BLOCK * 40;
        List<QueueKey> inOrder = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inOrder.add(new QueueKey(START.plusNanos(i * 100_000L), new UUID(random.nextLong(), random.nextLong())));
        }
        // Concurrent requests commit in batches: each key is late by at most a window of 32 places.
        List<QueueKey> arrival = new ArrayList<>(inOrder);
        for (int from = 0; from < count; from += 32) {
            Collections.shuffle(arrival.subList(from, Math.min(count, from + 32)), random);
        }
        for (int from = 16; from < count; from += 32) {
            Collections.shuffle(arrival.subList(from, Math.min(count, from + 32)), random);
        }
        ReferralQueue queue = new ReferralQueue();
        arrival.forEach(key -> queue.add(key, QueueFilter.PENDING));

        assertThat(pageThrough(queue, QueueFilter.ALL, 500)).isEqualTo(inOrder);
        assertThat(queue.blocks()).as("blocks for %d referrals of %d a block", count, ReferralQueue.BLOCK)
                .isLessThanOrEqualTo(count / ReferralQueue.BLOCK * 21 / 20 + 1);
    }

    @Test
    void aCursorThatIsNoLongerInTheQueueStillFindsItsPlace() {
        ReferralQueue queue = new ReferralQueue();
        QueueKey first = key(1, 1);
        QueueKey third = key(3, 3);
        queue.add(first, QueueFilter.PENDING);
        queue.add(third, QueueFilter.PENDING);

        assertThat(queue.after(QueueFilter.PENDING, key(2, 2), 10)).containsExactly(third);
        assertThat(queue.after(QueueFilter.PENDING, key(0, 0), 10)).containsExactly(first, third);
        assertThat(queue.after(QueueFilter.PENDING, third, 10)).isEmpty();
    }

    @Test
    void anUnknownReferralIsNotMovedAndAnEmptyQueueHasNoPage() {
        ReferralQueue queue = new ReferralQueue();
        assertThat(queue.move(key(1, 1), QueueFilter.CLEARED)).isFalse();
        assertThat(queue.after(QueueFilter.ALL, null, 10)).isEmpty();
        queue.add(key(1, 1), QueueFilter.PENDING);
        assertThat(queue.move(key(1, 2), QueueFilter.CLEARED)).isFalse();
        assertThat(queue.after(QueueFilter.CLEARED, null, 10)).isEmpty();
    }

    @Test
    void idsOrderAsUuidCompareToDoesWithinOneInstant() {
        ReferralQueue queue = new ReferralQueue();
        QueueKey negative = new QueueKey(START, new UUID(-5, 0));
        QueueKey positive = new QueueKey(START, new UUID(5, 0));
        queue.add(positive, QueueFilter.PENDING);
        queue.add(negative, QueueFilter.PENDING);
        assertThat(queue.after(QueueFilter.ALL, null, 10)).containsExactly(negative, positive)
                .isSortedAccordingTo(QueueKey::compareTo);
    }

    private static List<QueueKey> pageThrough(ReferralQueue queue, QueueFilter filter, int limit) {
        List<QueueKey> all = new ArrayList<>();
        QueueKey after = null;
        while (true) {
            List<QueueKey> page = queue.after(filter, after, limit);
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            after = page.get(page.size() - 1);
        }
    }

    private static QueueKey key(int second, long id) {
        return new QueueKey(START.plusSeconds(second), new UUID(0, id));
    }
}
