package org.microneedling.review;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** A screening's position in time order: when it was evaluated, then its (time-ordered) id. */
record QueueKey(Instant evaluatedAt, UUID screeningId) implements Comparable<QueueKey> {

    private static final Comparator<QueueKey> ORDER = Comparator.comparing(QueueKey::evaluatedAt)
            .thenComparing(QueueKey::screeningId);

    @Override
    public int compareTo(QueueKey other) {
        return ORDER.compare(this, other);
    }
}
