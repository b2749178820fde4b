package fob.web.store;

/** The browser's storage could not read or write the vault; the message says what a person can do. */
public class StorageException extends Exception {
    private final boolean conflict;

    public StorageException(String message) {
        this(message, false);
    }

    StorageException(String message, boolean conflict) {
        super(message);
        this.conflict = conflict;
    }

    /** Another tab saved first: reload and try again. */
    public boolean isConflict() {
        return conflict;
    }
}
