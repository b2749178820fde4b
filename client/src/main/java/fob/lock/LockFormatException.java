package fob.lock;

/** A stored app lock that Fob cannot read (damaged, or from a newer Fob). */
public final class LockFormatException extends Exception {
    public LockFormatException(String message) {
        super(message);
    }
}
