package fob.local;

/**
 * A storage or key operation of the browser failed; {@link #kind} says how, the message is the browser's own.
 * The ports throw it and {@link VaultKeeper} alone decides what it means for the person.
 */
public final class StorageFailure extends Exception {
    /** How an operation failed. */
    public enum Kind {
        /** Another tab wrote first (the revision moved, or it made the device key): nothing was written. */
        CONFLICT,
        /** The browser has no room left for the write. */
        NO_ROOM,
        OTHER
    }

    private final Kind kind;

    public StorageFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
