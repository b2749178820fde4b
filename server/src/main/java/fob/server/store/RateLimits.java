package fob.server.store;

/** The token buckets of the rate limits, shared by every server on the database. */
public interface RateLimits {
    /**
     * Takes a token from {@code bucket}, which holds {@code capacity} tokens and gains {@code perMilli} a
     * millisecond. Returns 0 when a token was taken, or else how many milliseconds until there is one (and takes
     * nothing).
     */
    long takeToken(String bucket, double capacity, double perMilli, long now);
}
