package org.microneedling.security;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per client id: {@code burst} tokens, refilled at {@code requests-per-second}. Buckets exist only
 * for authenticated clients, whose number the key file and the JWT issuer bound; the map is still capped.
 */
@ApplicationScoped
class RateLimiter {

    private static final int MAX_CLIENTS = 10_000;

    private final RateLimitConfig config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(RateLimitConfig config) {
        this.config = config;
    }

    /** Empty when the request may proceed, otherwise the whole seconds after which a retry can succeed. */
    OptionalLong acquire(String clientId) {
        if (!config.enabled() || clientId == null) {
            return OptionalLong.empty();
        }
        if (buckets.size() >= MAX_CLIENTS && !buckets.containsKey(clientId)) {
            buckets.clear();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(clientId, id -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
        return OptionalLong.of(Math.max(1, seconds));
    }

    private Bucket newBucket() {
        int rate = Math.max(1, config.requestsPerSecond());
        int burst = Math.max(1, config.burst());
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(rate, Duration.ofSeconds(1)).build())
                .build();
    }
}
