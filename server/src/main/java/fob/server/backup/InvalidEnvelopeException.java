package fob.server.backup;

/** A backup body that is not a well-formed Fob envelope; the message names the field. */
public class InvalidEnvelopeException extends Exception {
    public InvalidEnvelopeException(String message) {
        super(message);
    }
}
