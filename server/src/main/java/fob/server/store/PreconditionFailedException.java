package fob.server.store;

/** A backup write whose precondition no longer holds: another device wrote (or deleted) first. */
public class PreconditionFailedException extends Exception {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
