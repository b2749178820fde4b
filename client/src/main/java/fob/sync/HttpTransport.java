package fob.sync;

/** How requests reach Fob's server: the page's adapter sends them with fetch; a test answers them itself. */
public interface HttpTransport {
    /** An answer of the server: its status, ETag, Retry-After header and body. */
    final class Response {
        final int status;
        /** The ETag header, or null. */
        final String etag;
        /** The Retry-After header of a 429 or 503 (seconds, as text), or null. */
        final String retryAfter;
        final String body;

        public Response(int status, String etag, String retryAfter, String body) {
            this.status = status;
            this.etag = etag;
            this.retryAfter = retryAfter;
            this.body = body;
        }
    }

    /**
     * Sends a request and gives its answer, whatever its status; throws {@link ServerFailure#offline} only when no
     * answer came. {@code precondition} is "If-Match" or "If-None-Match" (or null), {@code preconditionValue} its
     * value; {@code body} is JSON, or null.
     */
    Response send(String method, String path, String body, String precondition, String preconditionValue)
            throws ServerFailure;
}
