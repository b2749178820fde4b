package fob.local;

/** This browser's storage could not read or write; the message says what a person can do. */
public class StorageException extends Exception {
    public StorageException(String message) {
        super(message);
    }
}
