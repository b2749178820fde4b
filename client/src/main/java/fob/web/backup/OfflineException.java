package fob.web.backup;

/** The server could not be reached: no network, or the server is down. */
public class OfflineException extends Exception {
    public OfflineException() {
        super("Fob's server cannot be reached; check the connection");
    }
}
