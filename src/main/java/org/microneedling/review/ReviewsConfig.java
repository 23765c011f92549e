package org.microneedling.review;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "reviews")
public interface ReviewsConfig {

    /** On a shared database, how often screenings and reviews recorded by other instances are read. */
    @WithDefault("1s")
    Duration refreshInterval();

    /**
     * How many waiting referrals of a clinic are kept in memory with their reasons, oldest first: the head of the
     * queue answers without a read of the store. The rest are read from the store by id when a page reaches them.
     */
    @WithDefault("20000")
    int cachedReferrals();

    /**
     * The secret that signs review-queue cursors (env REVIEWS_CURSOR_KEY). Give every instance that shares a database
     * the same one, so that a page's cursor works on whichever instance serves the next page; unset, each instance
     * signs with a random key of its own and cursors last until it stops.
     */
    Optional<String> cursorKey();
}
