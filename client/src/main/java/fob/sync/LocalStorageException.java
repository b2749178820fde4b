package fob.sync;

/** This browser's storage could not read or write; the message says what a person can do. */
public final class LocalStorageException extends Exception {
    public LocalStorageException(String message) {
        super(message);
    }
}
