package fob.server.store;

/** What the janitor deletes once it has expired. */
public interface Expiry {
    /**
     * Removes, in one transaction, the sessions idle since {@code sessionsIdleBefore} or made before
     * {@code sessionsCreatedBefore}, the challenges expired at {@code now}, and the rate-limit buckets full again
     * by {@code now}; returns how many rows went.
     */
    int purgeExpired(long sessionsIdleBefore, long sessionsCreatedBefore, long now);

    /** Deletes activity events older than {@code before}; returns how many went. */
    int deleteActivityBefore(long before);
}
