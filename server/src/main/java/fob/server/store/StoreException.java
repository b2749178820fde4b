package fob.server.store;

/** The database failed; the message is for the log, never for a client. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
