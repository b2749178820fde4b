package fob.web.backup;

/** The server refused a request: its HTTP status, error code and message (for people). */
public class ServerException extends Exception {
    private final int status;
    private final String code;
    private final long limit;

    public ServerException(int status, String code, String message) {
        this(status, code, message, -1);
    }

    /** {@code limit}: the size the server takes at most, with a 413; -1 when it did not say. */
    public ServerException(int status, String code, String message, long limit) {
        super(message);
        this.status = status;
        this.code = code;
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean isSignedOut() {
        return status == 401 && "not_signed_in".equals(code);
    }
}
