package fob.server.web;

/** 413 {@code too_large}, with the limit in the body ({@code "limit"}), so that a page can say it in words. */
public final class TooLargeException extends ApiException {
    private final long limit;

    public TooLargeException(long limit) {
        super(413, "too_large", "The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
