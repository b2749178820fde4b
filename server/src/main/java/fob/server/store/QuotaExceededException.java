package fob.server.store;

/**
 * A backup write refused because it would break a storage quota. Nothing was written. A precondition of the
 * write in the wider sense, so that it leaves a shared SQLite commit the way a failed If-Match does.
 */
public final class QuotaExceededException extends PreconditionFailedException {
    /** Which quota. */
    public enum Quota { ACCOUNT, STORAGE }

    private final Quota quota;
    private final long limit;

    public QuotaExceededException(Quota quota, long limit, String message) {
        super(message);
        this.quota = quota;
        this.limit = limit;
    }

    public Quota quota() {
        return quota;
    }

    public long limit() {
        return limit;
    }
}
