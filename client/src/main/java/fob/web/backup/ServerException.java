package fob.web.backup;

/** The server refused a request: its HTTP status, error code and message (for people). */
public class ServerException extends Exception {
    private final int status;
    private final String code;

    public ServerException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
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
