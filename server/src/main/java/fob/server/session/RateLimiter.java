package fob.server.session;

import fob.server.web.ApiException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a client address, an account): a burst of {@code capacity} requests, refilled at
 * {@code perMinute}. Kept in each server's memory: behind a load balancer each server limits on its own, so
 * the effective limit is per server.
 */
public final class RateLimiter {
    /** Above this many tracked keys, idle buckets are dropped (full buckets carry no information). */
    private static final int MAX_KEYS = 100_000;

    private final double capacity;
    private final double perMilli;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public RateLimiter(int capacity, int perMinute) {
        this.capacity = capacity;
        this.perMilli = perMinute / 60_000.0;
    }

    /** Takes one token for {@code key}, or throws 429 with how long to wait. A zero rate disables limiting. */
    public void take(String key, long now) {
        if (perMilli == 0) {
            return;
        }
        if (buckets.size() > MAX_KEYS) {
            buckets.values().removeIf(b -> b.tokens + (now - b.updated) * perMilli >= capacity);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * perMilli);
            bucket.updated = now;
            if (bucket.tokens < 1) {
                long waitSeconds = (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000);
                throw new ApiException(429, "rate_limited", "Too many attempts; try again in " + waitSeconds
                        + " seconds", Math.max(1, waitSeconds));
            }
            bucket.tokens -= 1;
        }
    }
}
