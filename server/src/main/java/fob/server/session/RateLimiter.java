package fob.server.session;

import fob.server.store.RateLimits;
import fob.server.web.ApiException;

/**
 * Token buckets per key (a client address, an account): a burst of as many requests as the rate allows in its
 * period, refilled evenly at that rate. The buckets live in the database, so every server sharing it applies
 * one limit.
 */
public final class RateLimiter {
    private final RateLimits buckets;
    private final String kind;
    private final double capacity;
    private final double perMilli;
    private final String code;
    private final String message;
    private final int status;

    private RateLimiter(RateLimits buckets, String kind, double capacity, double perMilli, String code, String message,
            int status) {
        this.buckets = buckets;
        this.kind = kind;
        this.capacity = capacity;
        this.perMilli = perMilli;
        this.code = code;
        this.message = message;
        this.status = status;
    }

    /** {@code perMinute} requests a minute, in bursts of as many; 0 turns this limit off. */
    public static RateLimiter perMinute(RateLimits buckets, String kind, int perMinute) {
        return new RateLimiter(buckets, kind, perMinute, perMinute / 60_000.0, "rate_limited", "Too many attempts",
                429);
    }

    /** A quota: {@code perHour} things an hour, in bursts of as many; 0 turns it off. */
    public static RateLimiter perHour(RateLimits buckets, String kind, int perHour, String code, String message) {
        return new RateLimiter(buckets, kind, perHour, perHour / 3_600_000.0, code, message, 429);
    }

    /**
     * The same limit refused with {@code status}: 503 for a limit on the whole server, which no client's
     * behaviour brought about.
     */
    public RateLimiter withStatus(int status) {
        return new RateLimiter(buckets, kind, capacity, perMilli, code, message, status);
    }

    public boolean isOff() {
        return perMilli == 0;
    }

    /** Takes one token for {@code key}, or throws 429 (or the status given) with how long to wait. */
    public void take(String key, long now) {
        if (isOff()) {
            return;
        }
        long waitMillis = buckets.takeToken(bucket(key), capacity, perMilli, now);
        if (waitMillis > 0) {
            long waitSeconds = Math.max(1, (waitMillis + 999) / 1000);
            throw new ApiException(status, code, message + "; try again in " + waitSeconds + " seconds", waitSeconds);
        }
    }

    /** The name of {@code key}'s bucket, which deleting an account must also remove. */
    public String bucket(String key) {
        return kind + ":" + key;
    }
}
